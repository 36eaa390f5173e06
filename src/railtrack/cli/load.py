"""``railtrack load``: read report files and show the shipments, groups and problems."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Annotated

import typer

from railtrack.cli import app
from railtrack.cli._output import (
    EXIT_INPUT_PROBLEMS,
    check_paths,
    console,
    frame_table,
    print_jsonl,
    print_problems,
    print_skipped,
    window_text,
)
from railtrack.io import load_reports

__all__ = ["load", "parse_date_option"]

_TABLE_COLUMNS = (
    "id",
    "origin",
    "destination",
    "departure",
    "arrival (claimed)",
    "cars_total",
    "cars_passenger",
    "claim",
    "group",
    "source",
    "reliability",
)
_GROUP_COLUMNS = (
    "id",
    "n_trains",
    "members",
    "cars_total",
    "cars_passenger",
    "cars_flat",
    "source",
)


def parse_date_option(value: str | None, option: str) -> date | None:
    """Parse a ``YYYY-MM-DD`` command-line option, or exit 2 with a one-line message."""
    if value is None:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a date (YYYY-MM-DD)", param_hint=option
        ) from None


@app.command(epilog="Example: railtrack load data/reports --json > shipments.jsonl")
def load(
    paths: Annotated[
        list[Path], typer.Argument(help="Report files or directories.", metavar="PATH...")
    ],
    published: Annotated[
        str | None,
        typer.Option(help="Publication date (YYYY-MM-DD) for text reports without a header."),
    ] = None,
    json_out: Annotated[
        bool, typer.Option("--json", help="Print JSON Lines: one record per line.")
    ] = False,
) -> None:
    """Load shipment reports (CSV, JSON, JSON Lines, YAML, text) and show them.

    With --json, each shipment is one line with the model's field names; groups and
    sightings follow as lines with "record": "group" / "sighting". The output is
    itself a loadable .jsonl report file. Problems go to stderr; exit code 1 when
    there were any.
    """
    check_paths(paths)
    reports = load_reports(paths, published=parse_date_option(published, "--published"))
    if json_out:
        print_jsonl(reports.to_records())
    else:
        df = reports.to_frame()
        df["departure"] = [
            window_text(a, b)
            for a, b in zip(df["departure_earliest"], df["departure_latest"], strict=True)
        ]
        df["arrival (claimed)"] = [
            window_text(a, b)
            for a, b in zip(df["arrival_earliest"], df["arrival_latest"], strict=True)
        ]
        console.print(
            frame_table(df, title=f"{len(reports.shipments)} shipments", columns=_TABLE_COLUMNS)
        )
        if reports.groups:
            console.print(
                frame_table(
                    reports.groups_frame(),
                    title=f"{len(reports.groups)} groups of trains",
                    columns=_GROUP_COLUMNS,
                )
            )
        if reports.sightings:
            console.print(
                frame_table(
                    reports.sightings_frame(),
                    title=f"{len(reports.sightings)} sightings",
                    columns=("id", "shipment", "station", "seen_at", "source"),
                )
            )
    print_skipped(reports.skipped)
    print_problems(reports.problems)
    if reports.problems:
        raise typer.Exit(EXIT_INPUT_PROBLEMS)

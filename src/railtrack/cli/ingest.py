"""``railtrack ingest``: add reports to the local store, once each, in one transaction."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from railtrack.cli import app
from railtrack.cli._output import (
    EXIT_INPUT_PROBLEMS,
    check_paths,
    console,
    print_json,
    print_problems,
    print_skipped,
)
from railtrack.cli.load import parse_date_option
from railtrack.io import load_reports
from railtrack.store import Store, default_store_path

__all__ = ["STORE_HELP", "ingest"]

STORE_HELP = "The SQLite store (default: railtrack.sqlite in the user data directory)."


@app.command(epilog="Example: railtrack ingest data/reports --store reports.sqlite")
def ingest(
    paths: Annotated[
        list[Path], typer.Argument(help="Report files or directories.", metavar="PATH...")
    ],
    store: Annotated[Path | None, typer.Option(help=STORE_HELP)] = None,
    network: Annotated[
        Path | None,
        typer.Option(help="Network directory for resolving names (default: embedded)."),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(help="Publication date (YYYY-MM-DD) for text reports without a header."),
    ] = None,
    lock_wait: Annotated[
        float | None,
        typer.Option(
            min=0,
            help="Seconds to wait for another ingest's lock on the store (default 30).",
        ),
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the counts as JSON.")] = False,
) -> None:
    """Add reports to the local store.

    The same report ingested twice is stored once; the same train reported by two
    sources is linked, both sources kept; sightings accumulate. Each ingest is one
    transaction: an interrupted ingest leaves the store as it was; while another
    process holds the store's lock, the ingest waits (--lock-wait) and then exits 2
    with one line, storing nothing. Exit code 1 when the reports had problems (the
    good records are still stored).
    """
    from railtrack.network import load_network

    check_paths(paths)
    if network is not None:
        check_paths([network])
    reports = load_reports(paths, published=parse_date_option(published, "--published"))
    net = load_network(network)
    with Store(store or default_store_path(), lock_wait=lock_wait) as db:
        result = db.ingest(reports, paths=paths, network=net)
        counts = db.counts()
        location = str(db.path)
    if json_out:
        print_json(
            {
                **result.to_dict(),
                "store": location,
                "totals": counts,
                "skipped": dict(reports.skipped),
                "problems": [p.to_dict() for p in reports.problems],
            }
        )
    else:
        console.print(
            f"{result.new} new records, {result.duplicates} already stored, "
            f"{result.linked} linked to trains reported by other sources -> {location}"
        )
        if result.posts:
            console.print(
                "Telegram posts: " + ", ".join(f"{n} {kind}" for kind, n in result.posts.items())
            )
        console.print("store holds " + ", ".join(f"{v} {k}" for k, v in counts.items()))
        print_skipped(reports.skipped)
    print_problems(reports.problems)
    if reports.problems:
        raise typer.Exit(EXIT_INPUT_PROBLEMS)

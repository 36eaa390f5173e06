"""``railtrack ingest``: add reports to the local store, once each, in one transaction."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from railtrack.cli import app
from railtrack.cli._options import (
    CONTEXT,
    ChannelUsernameOption,
    ColumnsOption,
    FormatOption,
    JsonOption,
    NetworkOption,
    PathsArg,
    PublishedOption,
    QuietOption,
    StoreOption,
    TzOption,
)
from railtrack.cli._output import (
    EXIT_INPUT_PROBLEMS,
    check_paths,
    console,
    emit_document,
    output_format,
    print_problems,
    print_skipped,
    problem_record,
)

__all__ = ["STORE_HELP", "ingest", "store_totals"]

STORE_HELP = "The SQLite store (default: railtrack.sqlite in the user data directory)."


def store_totals(counts: dict[str, int]) -> dict[str, int]:
    """Return :meth:`Store.counts` as the ``store_totals`` object (``n_`` + plural kind)."""
    names = {
        "shipment": "n_shipments",
        "group": "n_groups",
        "sighting": "n_sightings",
        "trains": "n_trains",
        "ingests": "n_ingests",
    }
    return {names[k]: int(v) for k, v in counts.items() if k in names}


@app.command(
    context_settings=CONTEXT,
    epilog=(
        "Example: railtrack ingest data/reports --store reports.sqlite\n\n"
        "Example: railtrack ingest my-trains.xlsx --store reports.sqlite --json"
    ),
)
def ingest(
    paths: PathsArg,
    store: StoreOption = None,
    network: NetworkOption = None,
    published: PublishedOption = None,
    columns: ColumnsOption = None,
    channel_username: ChannelUsernameOption = None,
    tz: TzOption = None,
    lock_wait: Annotated[
        float | None,
        typer.Option(
            min=0,
            metavar="SECONDS",
            help="Seconds to wait for another ingest's lock on the store (default 30).",
        ),
    ] = None,
    fmt: FormatOption = None,
    json_out: JsonOption = False,
    quiet: QuietOption = False,
) -> None:
    """Add reports to the local store.

    The same report ingested twice is stored once; the same train reported by two
    sources is linked, both sources kept; sightings accumulate. Each ingest is one
    transaction: an interrupted ingest leaves the store as it was; while another
    process holds the store's lock, the ingest waits (--lock-wait) and then exits 2
    with one line, storing nothing. With --json one "ingest" record (n_new,
    n_duplicates, n_linked, ingest_id, telegram_posts, store, store_totals, skipped,
    n_problems, problems). Exit code 1 when the reports had problems (the good
    records are still stored).
    """
    from railtrack.cli._network import load_given_network
    from railtrack.cli.load import read_reports
    from railtrack.store import Store, default_store_path

    fmt_ = output_format(fmt, json_out)
    check_paths(paths)
    if network is not None:
        check_paths([network])
    reports = read_reports(
        paths, published=published, columns=columns, channel_usernames=channel_username, tz=tz
    )
    net = load_given_network(network)
    problems = [*net.problems, *reports.problems]
    with Store(store or default_store_path(), lock_wait=lock_wait) as db:
        result = db.ingest(reports, paths=paths, network=net)
        counts = db.counts()
        location = str(db.path)
    doc: dict[str, Any] = {
        "record": "ingest",
        "n_new": result.new,
        "n_duplicates": result.duplicates,
        "n_linked": result.linked,
        "ingest_id": result.ingest_id,
        "telegram_posts": {f"n_{k}": int(v) for k, v in result.posts.items()},
        "store": location,
        "store_totals": store_totals(counts),
        "skipped": {str(k): int(v) for k, v in reports.skipped.items()},
        "n_problems": len(problems),
        "problems": [problem_record(p) for p in problems],
    }
    if fmt_ != "table":
        emit_document(doc, fmt_)
    elif quiet:
        console.print(location, markup=False)
    else:
        from railtrack.safetext import terminal_text

        console.print(
            f"{result.new} new records, {result.duplicates} already stored, "
            f"{result.linked} linked to trains reported by other sources -> "
            f"{terminal_text(location)}"
        )
        console.print(holdings_line(counts))
        if result.posts:
            console.print(
                "Telegram posts: " + ", ".join(f"{n} {kind}" for kind, n in result.posts.items())
            )
    if fmt_ == "table":
        print_skipped(reports.skipped, quiet=quiet)
    print_problems(problems, fmt_, quiet=quiet)
    if problems:
        raise typer.Exit(EXIT_INPUT_PROBLEMS)


def holdings_line(counts: dict[str, int]) -> str:
    """Return the line saying what a store holds, and what its train count counts.

    The store links a report to a train as it ingests it (one train told by two
    outlets), but ``track --store`` links more: a relay that tells several trains
    together, one channel's follow-ups, a plan and the train it announced. The count
    of trains here is the ingest's, so the line says so rather than disagree with
    ``track`` silently (trial13 C4).

    Examples
    --------
    >>> line = holdings_line({"shipment": 4, "group": 1, "sighting": 0, "trains": 4,
    ...                       "ingests": 2})
    >>> line.split(";")[0]
    'store holds 4 shipment, 1 group, 0 sighting, 2 ingests'
    >>> "4 trains as linked on ingest" in line
    True
    """
    trains = counts.get("trains", 0)
    rest = ", ".join(f"{v} {k}" for k, v in counts.items() if k != "trains")
    return (
        f"store holds {rest}; {trains} train{'s' if trains != 1 else ''} as linked on "
        "ingest (track --store links more and may count fewer)"
    )

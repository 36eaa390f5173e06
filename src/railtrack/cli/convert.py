"""``railtrack convert``: reports converted once to partitioned Parquet."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

from railtrack.cli import EXIT_INTERRUPTED, app
from railtrack.cli._options import (
    ChannelUsernameOption,
    ColumnsOption,
    FormatOption,
    JsonOption,
    PublishedOption,
    QuietOption,
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

__all__ = ["WORKERS_HELP", "convert", "convert_record"]

WORKERS_HELP = (
    "Processes that read files and extract free text (default: 1 for a small input, "
    "every core from 200 text files or 32 MB)."
)


@app.command(
    epilog=(
        "Example: railtrack convert reports/ --out season/   then   railtrack track season/\n\n"
        "Example: railtrack convert reports/ --out season/ --scheduler tcp://host:8786"
    )
)
def convert(
    paths: Annotated[
        list[Path], typer.Argument(help="Report files or directories.", metavar="PATH...")
    ],
    out: Annotated[
        Path,
        typer.Option(
            "--out", "-o", metavar="DIR", help="Directory to write (new, empty or converted)."
        ),
    ],
    published: PublishedOption = None,
    columns: ColumnsOption = None,
    channel_username: ChannelUsernameOption = None,
    tz: TzOption = None,
    workers: Annotated[int | None, typer.Option(min=1, metavar="N", help=WORKERS_HELP)] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            metavar="ADDRESS",
            help="Read files and extract free text on the Dask cluster at this scheduler "
            "address ('local': a local cluster of --workers processes; needs "
            "railtrack[dask]).",
        ),
    ] = None,
    batch_files: Annotated[
        int | None,
        typer.Option(
            min=1,
            metavar="N",
            help="Convert in batches of at most N files (and 64 MB), each appended to --out: "
            "memory holds one batch, not the whole input (an id met in an earlier batch is "
            "a problem, as within one load). Each batch is said on stderr; a conversion "
            "that stops says why, and the same command resumes it after the batches "
            "written.",
        ),
    ] = None,
    fmt: FormatOption = None,
    json_out: JsonOption = False,
    quiet: QuietOption = False,
) -> None:
    """Load reports once (free text extracted) and write them as partitioned Parquet.

    Writes shipments/, groups/ and sightings/ partitioned by published month, with
    problems.parquet, posts.parquet and the manifest railtrack-reports.json. load,
    track and the Python load_reports read the directory back with the same records,
    files and problems, and extract nothing again. With --json one "convert" record
    (`railtrack schema convert`): out, format, n_shipments, n_groups, n_sightings,
    n_posts, months, skipped, n_problems and problems. Exit code 1 when the input had
    problems (they are kept in the directory too).
    """
    from railtrack.cli.load import read_reports
    from railtrack.io.converted import write_converted

    check_paths(paths)
    options: dict[str, Any] = {
        "published": published,
        "columns": columns,
        "channel_usernames": channel_username,
        "tz": tz,
    }
    fmt_ = output_format(fmt, json_out)
    if batch_files is not None:
        manifest, problems, skipped = _in_batches(
            paths, out, batch_files, workers, scheduler, options, quiet
        )
    else:
        if scheduler is None:
            reports = read_reports(paths, workers=workers, **options)
        else:
            from railtrack.io.dask_load import dask_client

            address = None if scheduler.strip().lower() == "local" else scheduler
            with dask_client(address, workers=workers) as client:
                reports = read_reports(paths, client=client, **options)
        manifest = write_converted(reports, out)
        problems, skipped = reports.problems, reports.skipped
        del reports
    if quiet and fmt_ == "table":
        typer.echo(str(out))
    elif fmt_ != "table":
        emit_document(convert_record(manifest, out, problems), fmt_, quiet=quiet)
    else:
        console.print(
            f"Wrote {manifest['shipments']} shipments, {manifest['groups']} groups and "
            f"{manifest['sightings']} sightings over {len(manifest['months'])} months "
            f"to {out}/",
            markup=False,
            highlight=False,
        )
    if fmt_ == "table":
        print_skipped(skipped, quiet=quiet)
    print_problems(problems, fmt_, quiet=quiet)
    if problems:
        raise typer.Exit(EXIT_INPUT_PROBLEMS)


def _in_batches(
    paths: list[Path],
    out: Path,
    batch_files: int,
    workers: int | None,
    scheduler: str | None,
    options: dict[str, Any],
    silent: bool,
) -> tuple[dict[str, Any], list[Any], Any]:
    """Convert in batches (:func:`railtrack.io.converted.convert_in_batches`), saying each.

    Each batch is said on stderr (also with --json, whose record goes to stdout; not
    with --quiet). A conversion that stops says why and how far it got, and the same
    command resumes it; SIGTERM stops it as an interrupt does.
    """
    import time

    from railtrack.io.converted import ConversionStopped

    start = time.perf_counter()

    def said(done: int, total: int, manifest: dict[str, Any]) -> None:
        if silent:
            return
        if manifest.get("resumed"):
            line = (
                f"resuming the conversion to {out}: batches 1-{done} of {total} were written "
                f"before ({manifest['shipments']:,} shipments)"
            )
        else:
            seconds = time.perf_counter() - start
            line = (
                f"batch {done}/{total}: {manifest['shipments']:,} shipments so far, "
                f"{seconds:,.0f} s"
            )
        typer.echo(line, err=True)

    with _sigterm_interrupts():
        try:
            return _run_batches(paths, out, batch_files, workers, scheduler, options, said)
        except ConversionStopped as exc:
            if isinstance(exc.__cause__, KeyboardInterrupt):
                typer.echo(f"railtrack: {exc}", err=True)
                raise typer.Exit(EXIT_INTERRUPTED) from exc
            raise


@contextmanager
def _sigterm_interrupts() -> Iterator[None]:
    """Turn SIGTERM into KeyboardInterrupt while converting (so the stop is said)."""
    import signal

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    try:
        before = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)


def _run_batches(
    paths: list[Path],
    out: Path,
    batch_files: int,
    workers: int | None,
    scheduler: str | None,
    options: dict[str, Any],
    said: Callable[[int, int, dict[str, Any]], None],
) -> tuple[dict[str, Any], list[Any], Any]:
    """Run :func:`railtrack.io.converted.convert_in_batches` on processes or a cluster."""
    from railtrack.cli._options import parse_tz_option
    from railtrack.cli.load import parse_columns_option, parse_date_option
    from railtrack.io.converted import convert_in_batches

    load: dict[str, Any] = {
        "published": parse_date_option(options["published"], "--published"),
        "columns": parse_columns_option(options["columns"]) or None,
        "tz": parse_tz_option(options["tz"]),
    }
    if options["channel_usernames"]:
        msg = "--channel-username cannot be combined with --batch-files (convert without it)"
        raise typer.BadParameter(msg)
    if scheduler is None:
        return convert_in_batches(
            paths, out, batch_files=batch_files, progress=said, workers=workers, **load
        )
    from railtrack.io.dask_load import dask_client

    address = None if scheduler.strip().lower() == "local" else scheduler
    with dask_client(address, workers=workers) as client:
        return convert_in_batches(
            paths, out, batch_files=batch_files, progress=said, client=client, **load
        )


def convert_record(manifest: dict[str, Any], out: Path, problems: list[Any]) -> dict[str, Any]:
    """Return the ``convert`` record (``railtrack schema convert``) for a written manifest."""
    return {
        "record": "convert",
        "out": str(out),
        "format": manifest["format"],
        "n_shipments": manifest["shipments"],
        "n_groups": manifest["groups"],
        "n_sightings": manifest["sightings"],
        "n_posts": manifest["posts"],
        "months": list(manifest["months"]),
        "skipped": {str(k): int(v) for k, v in manifest["skipped"].items()},
        "n_problems": len(problems),
        "problems": [problem_record(p) for p in problems],
    }

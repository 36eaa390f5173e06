"""``railtrack track``: the main job, from report files (or the store) to a briefing."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from railtrack.cli import app
from railtrack.cli._options import (
    CONTEXT,
    ChannelUsernameOption,
    ColumnsOption,
    FormatOption,
    JsonOption,
    KeepRetractedOption,
    NetworkOption,
    PublishedOption,
    QuietOption,
    TzOption,
    parse_channel_usernames,
    parse_tz_option,
)
from railtrack.cli._output import (
    EXIT_INPUT_PROBLEMS,
    check_paths,
    console,
    emit_document,
    emit_records,
    err_console,
    output_format,
    print_context_notes,
    print_problems,
    problem_record,
    shown_place,
)
from railtrack.cli._progress import StageProgress
from railtrack.cli.convert import WORKERS_HELP
from railtrack.cli.ingest import STORE_HELP
from railtrack.cli.load import parse_as_of_option, parse_date_option
from railtrack.errors import InputPathError
from railtrack.labels import plural

if TYPE_CHECKING:
    import pandas as pd

    from railtrack.io import ReportSet

__all__ = ["Engine", "resolved_ends", "run_summary", "track"]

_RENAMED = {
    "shipments": "n_shipments",
    "groups": "n_groups",
    "sightings": "n_sightings",
    "trains": "n_trains",
    "problems": "n_problems",
}


def run_summary(
    head: dict[str, Any],
    out: Path,
    outputs: Any,
    problems: Any,
    *,
    context_notes: list[str] | None = None,
) -> dict[str, Any]:
    """Return the ``run`` record of ``track --json`` from the pipeline's headline figures.

    Counts get ``n_`` names (``n_shipments``), ``problems`` is the list of problem
    records and ``as_of`` an ISO datetime (see :class:`railtrack.records.RunSummary`);
    ``context_notes`` the namesakes settled by their report's other places
    (:attr:`railtrack.io.ReportSet.context_notes`; None when the engine does not
    list them).

    Parameters
    ----------
    head : dict
        :meth:`railtrack.pipeline.TrackResult.headline`.
    out : pathlib.Path
        The output directory.
    outputs : object
        The files written (name -> path), kept as given.
    problems : sequence
        The run's problems (:class:`~railtrack.io.Problem` or messages).
    context_notes : list of str, optional
        As above.

    Returns
    -------
    dict
        The ``run`` record.

    Examples
    --------
    >>> from pathlib import Path
    >>> doc = run_summary({"shipments": 3, "as_of": "2023-03-07"}, Path("out"), {}, [])
    >>> doc["record"], doc["n_problems"], doc["as_of"][:10]
    ('run', 0, '2023-03-07')
    """
    from railtrack.records import iso_datetime

    doc: dict[str, Any] = {"record": "run"}
    for key, value in head.items():
        doc[_RENAMED.get(key, key)] = value
    doc["as_of"] = iso_datetime(head.get("as_of"))
    doc["out"] = str(out)
    doc["outputs"] = outputs
    doc["n_problems"] = len(problems)
    doc["problems"] = [problem_record(p) for p in problems]
    doc["context_notes"] = None if context_notes is None else list(context_notes)
    return doc


def resolved_ends(estimates: pd.DataFrame) -> pd.DataFrame:
    """Return the estimates with each end shown by its resolved station's name.

    The console's table names a place as the network does (trial F119: "Полонка"
    and "Polonka" are one station), with the name as written after it in brackets
    where that differs ("Osipovichi-I (Осиповичі-І)"); an end that resolved to a
    region or country only is shown by its name ("Russia (Россию)", trial T15); an
    unresolved end as written.

    Parameters
    ----------
    estimates : pandas.DataFrame
        A table with ``origin``/``destination`` and, when known,
        ``*_station`` and ``*_region`` columns.

    Returns
    -------
    pandas.DataFrame
        A copy, the ``origin`` and ``destination`` columns rewritten.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"origin": ["Полонка", "Belarus"], "origin_station": ["Polonka", None],
    ...                    "destination": ["Orsha", "Россию"],
    ...                    "destination_station": ["Orsha-Tsentralnaya", None],
    ...                    "destination_region": [None, "Russia"]})
    >>> resolved_ends(df)[["origin", "destination"]].to_dict("records")
    [{'origin': 'Polonka (Полонка)', 'destination': 'Orsha-Tsentralnaya (Orsha)'}, \
{'origin': 'Belarus', 'destination': 'Russia (Россию)'}]
    """
    out = estimates.copy()
    for end in ("origin", "destination"):
        station, region = f"{end}_station", f"{end}_region"
        if end not in out.columns or station not in out.columns:
            continue
        regions = out[region].tolist() if region in out.columns else [None] * len(out)
        shown = [
            shown_place(written, found, area)
            for written, found, area in zip(
                out[end].tolist(), out[station].tolist(), regions, strict=True
            )
        ]
        out[end] = shown
    return out


def _with_regions(estimates: pd.DataFrame, shipments: pd.DataFrame) -> pd.DataFrame:
    """Return the estimates with each train's origin and destination region beside them."""
    wanted = [c for c in ("origin_region", "destination_region") if c not in estimates.columns]
    if not wanted or "id" not in estimates.columns or not set(wanted) <= set(shipments.columns):
        return estimates
    regions = shipments.drop_duplicates("id").set_index("id")[wanted]
    return estimates.join(regions, on="id")


_NOTHING_TO_TRACK = "no reports to track: give report files, a directory or --store"


def _converted_input(paths: list[Path] | None, store: Path | None) -> Path | None:
    """Return the one converted directory ``track`` was given, if that is its input."""
    from railtrack.io.converted import is_converted

    if store is None and paths is not None and len(paths) == 1 and is_converted(paths[0]):
        return paths[0]
    return None


def _steps(engine: Engine) -> tuple[str, ...]:
    """Return the steps the progress bar counts for ``engine``."""
    from railtrack.cli._progress import TRACK_STEPS

    if engine is Engine.default:
        return TRACK_STEPS
    from railtrack.engine_dask import DASK_WRITE_STAGES

    return ("load", *DASK_WRITE_STAGES, *TRACK_STEPS[TRACK_STEPS.index("route graph") + 1 :])


@contextmanager
def _tables_dir(work_dir: Path | None) -> Iterator[Path]:
    """Yield where the Dask workers write the per-train tables: ``<work-dir>/tables``.

    Without ``--work-dir``, a temporary directory removed once the briefing's
    tables are read back.
    """
    if work_dir is not None:
        yield work_dir / "tables"
        return
    with tempfile.TemporaryDirectory(prefix="railtrack-tables-") as tmp:
        yield Path(tmp)


class Engine(StrEnum):
    """Where ``track`` reads files and extracts free text."""

    default = "default"
    dask = "dask"


def _check_out(out: Path) -> None:
    """Raise a usage error when ``--out`` cannot be the output directory.

    Raises
    ------
    InputPathError
        When ``out`` or one of its parents is a file (not a directory).
    """
    from railtrack.errors import InputPathError

    for path in (out, *out.parents):
        if path.exists() and not path.is_dir():
            where = "" if path == out else f" ({path} is a file)"
            msg = f"--out {out}: not a directory{where}; give a new or existing directory"
            raise InputPathError(msg)


@app.command(
    context_settings=CONTEXT,
    epilog=(
        "Example: railtrack track   (embedded reports and network)\n\n"
        "Example: railtrack track reports/ --as-of 2023-03-06 -o briefing/\n\n"
        "Example: railtrack track new-reports/ --store reports.sqlite   (ingest, then track all)"
    ),
)
# Over the C901 cap; the command line work (issue 19) splits it.
def track(  # noqa: C901
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Report files or directories (default: the embedded reports).",
            metavar="[PATH...]",
            show_default=False,
        ),
    ] = None,
    network: NetworkOption = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="DATE",
            help="Date of knowledge (YYYY-MM-DD, a time YYYY-MM-DDTHH:MM in UTC, or "
            "'today'): only reports published and sightings made by then count. Default: "
            "the latest date in the input.",
        ),
    ] = None,
    out: Annotated[
        Path, typer.Option("--out", "-o", metavar="DIR", help="Output directory.")
    ] = Path("railtrack-out"),
    store: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            help=STORE_HELP + " With --store, PATHs are ingested first and the "
            "whole store is tracked.",
        ),
    ] = None,
    published: PublishedOption = None,
    columns: ColumnsOption = None,
    channel_username: ChannelUsernameOption = None,
    tz: TzOption = None,
    keep_retracted: KeepRetractedOption = None,
    fmt: FormatOption = None,
    json_out: JsonOption = False,
    quiet: QuietOption = False,
    workers: Annotated[int | None, typer.Option(min=1, metavar="N", help=WORKERS_HELP)] = None,
    engine: Annotated[
        Engine,
        typer.Option(
            metavar="default|dask",
            help="default: this machine (--workers processes); dask: every stage on a Dask "
            "cluster, over converted reports (railtrack convert) or files read there "
            "(needs railtrack[dask]).",
        ),
    ] = Engine.default,
    scheduler: Annotated[
        str | None,
        typer.Option(
            metavar="ADDRESS",
            help="With --engine dask: a scheduler address (default: a local cluster of "
            "--workers processes).",
        ),
    ] = None,
    work_dir: Annotated[
        Path | None,
        typer.Option(
            metavar="DIR",
            help="With --engine dask: save finished chunks and partitions here; a "
            "restarted run reads them instead of redoing them.",
        ),
    ] = None,
) -> None:
    """Load reports, resolve stations, route, estimate arrivals, summarise and write a briefing.

    Writes to --out: shipments, estimates, routes and summary tables as CSV (and
    Parquet), the route map, arrival timeline and volume plots as PNG, and a
    self-contained report.html. With --json one "run" record (`railtrack schema
    run`): n_shipments, n_trains, cars_total ..., outputs, n_problems and problems;
    with --quiet only the output directory. Exit code 1 when the input had problems
    (the good records are still processed and written).

    \f

    Parameters
    ----------
    paths : list of pathlib.Path, optional
        Report files or directories (None: the embedded sample reports).
    network : pathlib.Path, optional
        ``--network``: a network directory (None: the embedded network).
    as_of : str, optional
        ``--as-of``: the date (or UTC time) of knowledge.
    out : pathlib.Path
        ``--out``: the output directory (``railtrack-out``).
    store : pathlib.Path, optional
        ``--store``: a store to ingest ``paths`` into and read the reports from.
    published, columns, channel_username, tz : str, optional
        How reports without a header are read (``--published``, ``--columns``,
        ``--channel-username``, ``--tz``).
    fmt : str, optional
        ``--format``: ``table``, ``json``, ``csv`` or ``tsv``.
    json_out : bool
        ``--json``: the same as ``--format json``.
    quiet : bool
        ``--quiet``: print only the output directory.
    workers : int, optional
        ``--workers``: processes on this machine.
    engine : Engine
        ``--engine``: ``default`` or ``dask``.
    scheduler : str, optional
        ``--scheduler``: a Dask scheduler address (with ``--engine dask``).
    work_dir : pathlib.Path, optional
        ``--work-dir``: where a Dask run saves finished partitions.

    Raises
    ------
    typer.BadParameter
        For ``--scheduler`` without ``--engine dask``.
    railtrack.errors.InputPathError
        When there is nothing to track (exit code 2).
    typer.Exit
        With code 1 when the input had problems.

    Examples
    --------
    From a shell (runs the whole job, so not run here)::

        railtrack track reports/ --as-of 2023-03-10 --out out/ --json
    """
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from railtrack._data import data_path
    from railtrack.briefing import describe, write_outputs
    from railtrack.cli._heap import long_lived_frozen
    from railtrack.cli.load import read_reports
    from railtrack.io.retractions import keep_counted
    from railtrack.network import load_network
    from railtrack.pipeline import resolve_reports, track_resolved
    from railtrack.safetext import terminal_text
    from railtrack.store import Store

    fmt_ = output_format(fmt, json_out)
    when: Any = parse_as_of_option(as_of, "--as-of")
    parse_date_option(published, "--published")  # checked before the network loads
    parse_channel_usernames(channel_username)
    parse_tz_option(tz)
    _check_out(out)  # before the run, not after it
    if paths:
        check_paths(paths)
    if network is not None:
        check_paths([network])
    if scheduler is not None:  # said before the network loads, never ignored
        if engine is not Engine.dask:
            raise typer.BadParameter("needs --engine dask", param_hint="--scheduler")
        from railtrack.io.dask_load import check_scheduler_address

        check_scheduler_address(scheduler)

    with (
        Progress(
            TextColumn("{task.description:<12}"),
            BarColumn(),
            TextColumn("{task.completed}/{task.total}"),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            console=err_console._get(),
            transient=True,
            disable=fmt_ != "table" or quiet,
        ) as bar,
        long_lived_frozen() as freeze,
    ):
        shown = StageProgress(bar, _steps(engine))
        advance = shown.stage
        net = load_network(network)  # its problems are the result's (printed at the end)
        opened: AbstractContextManager[Any] = nullcontext()
        if engine is Engine.dask:
            from railtrack.io.dask_load import dask_client

            opened = dask_client(scheduler, workers=workers)
        with opened as client:
            # (a train kept counted: the converted folder is loaded here, its marks undone)
            dask_reads = client is not None and not keep_retracted
            converted = _converted_input(paths, store) if dask_reads else None
            if client is not None and keep_retracted and _converted_input(paths, store):
                # (review19 #7: say that the workers no longer read the folder in place)
                typer.echo(
                    "--keep-retracted: the converted folder is loaded here to undo its "
                    "marks, not read in place by the Dask workers",
                    err=True,
                )
            options: dict[str, Any] = {"workers": workers, "progress": shown.loaded}
            if keep_retracted and store is None:
                # (with a store, kept once below, on the store's reports: review19 #7)
                options["keep_retracted"] = keep_retracted
            if client is not None:
                options.update(client=client, work_dir=work_dir)
            to_load = paths or ([] if store is not None else [data_path("reports")])
            # None when the Dask engine reads converted reports where they lie
            reports: ReportSet | None = None
            loaded: ReportSet | None = (
                read_reports(
                    to_load,
                    published=published,
                    columns=columns,
                    channel_usernames=channel_username,
                    tz=tz,
                    **options,
                )
                if to_load and converted is None
                else None
            )
            if store is not None:
                with Store(store) as db:
                    if loaded is not None:
                        db.ingest(loaded, paths=paths or [], network=net)
                    reports = db.reports(one_per_train=False)  # linked below as without a store
                if loaded is not None:
                    reports.problems.extend(loaded.problems)
                keep_counted(reports, keep_retracted or ())  # (marks stored before)
            elif loaded is not None:
                reports = loaded
            if client is not None:
                from railtrack.engine_dask import write_converted_dask

                with _tables_dir(work_dir) as tables:  # the workers write the per-train tables
                    dask_input = converted or reports
                    if dask_input is None:
                        raise InputPathError(_NOTHING_TO_TRACK)
                    result = write_converted_dask(
                        dask_input,
                        net,
                        client,
                        tables,
                        as_of=when,
                        work_dir=work_dir,
                        progress=advance,
                    ).result(net)
            else:
                if reports is None:
                    raise InputPathError(_NOTHING_TO_TRACK)
                freeze()  # the network and the loaded reports: no full GC pass walks them
                resolved = resolve_reports(reports, net, as_of=when, progress=advance)
                # The reports as loaded are not needed past resolving (the resolved ones
                # are kept): let them go before the later stages build their tables.
                loaded = reports = None
                freeze()  # the resolved reports and their tables, read by every later stage
                result = track_resolved(resolved, net, progress=advance)
                del resolved
            loaded = reports = None  # the Dask engine's input: let it go before the files
        freeze()  # what the files are made from, kept until the end
        written = write_outputs(result, out, progress=advance)

    head = result.headline()
    # the default engine resolves every report in one set and lists its namesake choices;
    # the Dask engine resolves partitions apart and does not collect them
    notes = result.reports.context_notes if client is None else None
    if fmt_ != "table":
        emit_document(
            run_summary(head, out, describe(written), result.problems, context_notes=notes), fmt_
        )
    elif quiet:
        console.print(str(out), markup=False)
    else:
        view = [
            c
            for c in (
                "id",
                "origin",
                "destination",
                "p50",
                "length_km",
                "p10",
                "p90",
                "claimed_earliest",
                "flags",
            )
            if c in result.estimates.columns
        ]
        emit_records(
            [
                {str(k): v for k, v in row.items()}
                for row in resolved_ends(_with_regions(result.estimates, result.shipments))[
                    view
                ].to_dict("records")
            ],
            "table",
            title="Shipments and arrival windows",
            columns=view,
        )
        if result.knowledge is not None:
            console.print(result.knowledge.note(), highlight=False)
        from railtrack.summary import cars_phrase

        reasons = ", ".join(f"{n} {why}" for why, n in head["unrouted_reasons"].items())
        console.print(
            _trains_phrase(head)
            + f"({head['n_routed']} routed, {head['n_unrouted']} not"
            + (f": {reasons}" if reasons else "")
            + "), "
            + f"{cars_phrase(head)} counted once "
            f"({head['cars_passenger'] or 0} passenger), to "
            f"{terminal_text(', '.join(head['destinations'])) or 'unknown destinations'}; "
            f"{plural(len(head.get('outlets') or head['sources']), 'source')}."
            + (
                f" {plural(head['n_return_trips'], 'trip')} back of a train already counted: "
                "its cars counted once, with the trip out."
                if head.get("n_return_trips")
                else ""
            )
            + (
                f" {plural(head['n_relays'], 'report')} retold a train another report "
                "tells: counted once (relays.csv)."
                if head["n_relays"]
                else ""
            ),
            highlight=False,
        )
        print_context_notes(notes or [])
        console.print(
            terminal_text(f"Wrote {len(written)} files to {out}/ (open {out / 'report.html'})")
        )
    print_problems(result.problems, fmt_, quiet=quiet)
    if result.problems:
        raise typer.Exit(EXIT_INPUT_PROBLEMS)


def _trains_phrase(head: dict[str, Any]) -> str:
    """Return the headline's opening: the trains counted, and those listed apart.

    The count is the briefing's: a train retracted or told only as hearsay is listed
    but not counted, and said so (trial20 T14).

    Examples
    --------
    >>> _trains_phrase({"shipments": 5, "trains": 4, "n_retracted": 1, "n_unconfirmed": 0})
    '4 trains counted, 1 more listed but not counted (1 retracted); of the 5 listed '
    >>> _trains_phrase({"shipments": 3, "trains": 3, "n_retracted": 0, "n_unconfirmed": 0})
    '3 trains '
    """
    listed = int(head.get("shipments") or 0)
    apart = {
        "retracted": int(head.get("n_retracted") or 0),
        "unconfirmed": int(head.get("n_unconfirmed") or 0),
    }
    if not any(apart.values()):
        return f"{plural(listed, 'train')} "
    counted = head.get("trains")
    counted = listed - sum(apart.values()) if counted is None else int(counted)
    why = ", ".join(f"{n} {kind}" for kind, n in apart.items() if n)
    return (
        f"{plural(counted, 'train')} counted, {listed - counted} more listed but not "
        f"counted ({why}); of the {listed} listed "
    )

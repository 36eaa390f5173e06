"""``railtrack plot map|timeline|volumes``: draw a report set and save the figure."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from railtrack.cli import app
from railtrack.cli._options import (
    CONTEXT,
    AsOfOption,
    ColumnsOption,
    FormatOption,
    JsonOption,
    NetworkOption,
    QuietOption,
    ReportPathsArg,
)
from railtrack.cli._output import (
    EXIT_INPUT_PROBLEMS,
    emit_document,
    err_console,
    output_format,
    print_problems,
    problem_record,
)
from railtrack.cli._routing import RoutedReports
from railtrack.cli.estimate import as_of_option
from railtrack.cli.summary import prepare
from railtrack.errors import InputPathError

__all__ = ["plot_app"]

plot_app = typer.Typer(
    name="plot",
    help=(
        "Draw reports as a route map, an arrival timeline or volumes and save a figure.\n\n"
        "Example: railtrack plot map data/reports -o corridors.png"
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings=CONTEXT,
)
app.add_typer(plot_app, name="plot")

OutOption = Annotated[
    Path,
    typer.Option("--out", "-o", metavar="FILE", help="Image file to write (.png, .svg, .pdf)."),
]


def _unwritable(out: Path) -> str | None:
    """Say why the image ``out`` cannot be written where it is, or None.

    A file where a folder should be is named as such: ``-o notes.txt/m.png`` used to
    say "directory notes.txt does not exist" of a file that does.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     (Path(tmp) / "notes.txt").write_text("x")
    ...     why = [_unwritable(Path(tmp, *p)) for p in (("notes.txt", "m.png"), ("new", "m.png"))]
    ...     print(why[0].endswith("notes.txt is a file, not a directory"))
    ...     print(why[1].endswith("new does not exist"), _unwritable(Path(tmp, "m.png")))
    1
    True
    True None
    """
    if out.is_dir():
        return (
            f"cannot write {out}: it is a directory; give an image file name in it, such as map.png"
        )
    for folder in out.parents:
        if folder.is_dir():
            return None
        if folder.exists():
            return f"cannot write {out}: {folder} is a file, not a directory"
        if folder.parent.is_dir():
            return f"cannot write {out}: directory {folder} does not exist"
    return None


def _figure(out: Path) -> Any:
    import matplotlib as mpl

    mpl.use("Agg")
    import matplotlib.pyplot as plt

    if (msg := _unwritable(out)) is not None:
        raise InputPathError(msg)
    fig = plt.figure()
    kinds = fig.canvas.get_supported_filetypes()
    if out.suffix.lower().lstrip(".") not in kinds:
        plt.close(fig)
        raise typer.BadParameter(
            f"{out.name}: unknown image type; use one of {', '.join(sorted(kinds))}",
            param_hint="--out",
        )
    return fig


def _save(fig: Any, out: Path) -> None:
    import matplotlib.pyplot as plt

    fig.savefig(out, dpi=150, bbox_inches="tight")
    plt.close(fig)


def _finish(
    routed: RoutedReports,
    out: Path,
    plot: str,
    fmt: str | None,
    json_out: bool,
    quiet: bool,
    **facts: Any,
) -> None:
    """Print the ``plot`` record (or where the figure went) and the problems; exit 1 on any.

    Unrouted trains count and are problems as in every command that routes.
    """
    fmt_ = output_format(fmt, json_out)
    problems = routed.problems
    if fmt_ == "table":
        typer.echo(str(out) if quiet else f"wrote {out}")
        if not quiet and (note := routed.note()) is not None:
            err_console.print(note, markup=False)
    else:
        emit_document(
            {
                "record": "plot",
                "plot": plot,
                "out": str(out),
                "n_shipments": len(routed.reports.shipments),
                **routed.counts(),
                **facts,
                "n_problems": len(problems),
                "problems": [problem_record(p) for p in problems],
            },
            fmt_,
        )
    print_problems(problems, fmt_, quiet=quiet)
    if problems:
        raise typer.Exit(EXIT_INPUT_PROBLEMS)


@plot_app.command(
    "map",
    context_settings=CONTEXT,
    epilog="Example: railtrack plot map data/reports -o corridors.png",
)
def plot_map(
    out: OutOption,
    paths: ReportPathsArg = None,
    network: NetworkOption = None,
    columns: ColumnsOption = None,
    fmt: FormatOption = None,
    json_out: JsonOption = False,
    quiet: QuietOption = False,
) -> None:
    """Draw the network in grey and the corridors the shipments used, sized by cars."""
    from railtrack.plot import plot_route_map
    from railtrack.routegraph import corridor_graph

    fig = _figure(out)
    reports, net, routed = prepare(
        paths,
        network_dir=network,
        resolve=True,
        columns=columns,
    )
    assert routed is not None  # resolve=True
    G = corridor_graph(routed.shipments, routed.routes, net, groups=reports.groups_frame())
    width = 11 if G.number_of_nodes() else 9
    fig.set_size_inches(width, 8)
    plot_route_map(net, G, ax=fig.add_subplot())
    _save(fig, out)
    _finish(routed, out, "map", fmt, json_out, quiet, n_segments=G.number_of_edges())


@plot_app.command(
    "timeline",
    context_settings=CONTEXT,
    epilog="Example: railtrack plot timeline data/reports --as-of 2023-03-05 -o eta.png",
)
def plot_timeline(
    out: OutOption,
    paths: ReportPathsArg = None,
    network: NetworkOption = None,
    columns: ColumnsOption = None,
    as_of: AsOfOption = None,
    fmt: FormatOption = None,
    json_out: JsonOption = False,
    quiet: QuietOption = False,
) -> None:
    """Draw each shipment's departure, p10-p90 arrival window, p50 and the source's claim."""
    from railtrack.estimate import arrival_windows
    from railtrack.plot import plot_arrival_timeline

    when = as_of_option(as_of)
    fig = _figure(out)
    _, _, routed = prepare(
        paths,
        network_dir=network,
        resolve=True,
        columns=columns,
        as_of=when,
        cut=True,
    )
    assert routed is not None  # resolve=True
    estimates = arrival_windows(routed.shipments, routed.routes, as_of=routed.as_of)
    when = routed.knowledge.as_of if routed.knowledge is not None else when
    fig.set_size_inches(11, 1.5 + 0.45 * max(len(estimates), 1))
    plot_arrival_timeline(estimates, as_of=when, ax=fig.add_subplot())
    _save(fig, out)
    _finish(
        routed,
        out,
        "timeline",
        fmt,
        json_out,
        quiet,
        n_estimated=int(estimates["p50"].notna().sum()),
    )


@plot_app.command(
    "volumes",
    context_settings=CONTEXT,
    epilog="Example: railtrack plot volumes data/reports --by railhead -o cars.png",
)
def plot_volumes_command(
    out: OutOption,
    paths: ReportPathsArg = None,
    by: Annotated[
        str,
        typer.Option(
            "--by", metavar="KEY", help="period, railhead (destination), origin or a column."
        ),
    ] = "period",
    freq: Annotated[
        str, typer.Option("--freq", metavar="D|W|M|Q", help="Period length: D, W, M or Q.")
    ] = "W",
    network: NetworkOption = None,
    columns: ColumnsOption = None,
    fmt: FormatOption = None,
    json_out: JsonOption = False,
    quiet: QuietOption = False,
) -> None:
    """Draw cars by type as stacked bars per period or per railhead."""
    from railtrack.plot import plot_volumes
    from railtrack.summary import summarize

    fig = _figure(out)
    reports, _, routed = prepare(
        paths,
        network_dir=network,
        resolve=True,
        columns=columns,
    )
    assert routed is not None  # resolve=True
    key = "destination" if by == "railhead" else by
    try:
        table = summarize(reports, by=(key,), freq=freq, routes=routed.routes)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--by/--freq") from None
    fig.set_size_inches(10, 5.5)
    plot_volumes(table, by=key, ax=fig.add_subplot())
    _save(fig, out)
    _finish(routed, out, "volumes", fmt, json_out, quiet, n_rows=len(table))

"""``railtrack summary``: trains and cars by type per origin, railhead, route, border, period."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from railtrack import columns as C
from railtrack.cli import app
from railtrack.cli._options import (
    CONTEXT,
    ColumnsOption,
    FormatOption,
    JsonOption,
    NetworkOption,
    QuietOption,
    ReportPathsArg,
    report_paths,
)
from railtrack.cli._output import (
    EXIT_INPUT_PROBLEMS,
    at_least_shown,
    check_paths,
    console,
    emit_document,
    emit_records,
    err_console,
    output_format,
    print_problems,
    problem_record,
)
from railtrack.cli._routing import NOT_ROUTED, RoutedReports, route_reports

if TYPE_CHECKING:
    import pandas as pd


__all__ = ["parse_keys", "prepare", "summary", "volume_records"]

_ROUTED_KEYS = {C.ROUTE_LABEL, C.BORDER_CROSSING}
_SHOWN_VALUES = (
    "n_trains",
    C.CARS_TOTAL,
    C.CARS_PASSENGER,
    C.CARS_FLAT,
    C.PERSONNEL_ESTIMATE,
    C.UNALLOCATED,
    C.CARS_COVERED,
    C.CARS_TANK,
    C.CARS_OTHER,
    C.SOURCES,
)
_COUNTS = {C.TRAINS: "n_trains", C.TRAINS_WITH_CARS: "n_trains_with_cars"}
_LISTS = (C.SOURCES, C.SHIPMENTS, C.GROUPS)


def parse_keys(value: str) -> tuple[str, ...]:
    """Split ``--by origin,destination`` into keys; ``""`` or ``total`` gives ``()``.

    Parameters
    ----------
    value : str
        The option's value: keys separated by commas.

    Returns
    -------
    tuple of str
        The keys, stripped, empty parts dropped (not checked against the known keys).

    Examples
    --------
    >>> parse_keys("origin, destination"), parse_keys("total"), parse_keys("")
    (('origin', 'destination'), (), ())
    """
    keys = tuple(k.strip() for k in value.split(",") if k.strip())
    return () if keys == ("total",) else keys


def period_keys(keys: tuple[str, ...], freq: str) -> tuple[tuple[str, ...], str]:
    """Read ``week``/``day``/``month``/``quarter`` among the keys as ``period`` of that length.

    Parameters
    ----------
    keys : tuple of str
        The ``--by`` keys as given.
    freq : str
        The ``--freq`` given (a pandas frequency: ``D``, ``W``, ``M``, ``Q``).

    Returns
    -------
    tuple of (tuple of str, str)
        The keys with the period word replaced by ``period``, and the frequency.

    Raises
    ------
    typer.BadParameter
        When ``freq`` is no period length (``Q9``), or two period lengths are asked
        for (``--by week,month``, or ``--by month --freq D``).

    Examples
    --------
    >>> period_keys(("destination", "week"), "W")
    (('destination', 'period'), 'W')
    >>> period_keys(("month",), "W")
    (('period',), 'M')
    """
    from railtrack.summary import PERIOD_WORDS, check_freq  # (pandas: imported when asked)

    try:  # before the reports and the network load
        check_freq(freq)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--freq") from None
    words = [k for k in keys if k.lower() in PERIOD_WORDS]
    if not words:
        return keys, freq
    lengths = {PERIOD_WORDS[k.lower()] for k in words}
    if len(words) > 1 or C.PERIOD in keys or freq.upper() not in {"W", *lengths}:
        msg = (
            f"--by {','.join(keys)} with --freq {freq}: give one period, as 'period' with "
            "--freq D|W|M|Q or as one of day, week, month, quarter"
        )
        raise typer.BadParameter(msg, param_hint="--by/--freq")
    return tuple(C.PERIOD if k in words else k for k in keys), lengths.pop()


def prepare(
    paths: list[Path] | None,
    *,
    network_dir: Path | None,
    resolve: bool,
    columns: str | None = None,
    as_of: Any = None,
    cut: bool = False,
) -> tuple[Any, Any, RoutedReports | None]:
    """Load reports; resolve and route them on the network unless ``resolve`` is False.

    Routing is the same step for every command (:func:`railtrack.cli._routing.route_reports`),
    so each train that cannot be routed is a problem everywhere.

    Parameters
    ----------
    paths : list of pathlib.Path or None
        Report files or directories (None: the embedded sample reports).
    network_dir : pathlib.Path or None
        A network directory; None loads the embedded network.
    resolve : bool
        Resolve and route on the network (False: neither, nothing loaded).
    columns : str, optional
        The ``--columns`` mapping for spreadsheets.
    as_of : date or str, optional
        The date of knowledge for routing.
    cut : bool, optional
        Cut the reports to what was known on ``as_of``.

    Returns
    -------
    tuple
        The report set (resolved and cut off at ``as_of`` when ``cut``), the network
        or None, and the routed reports (None when not resolved).

    Raises
    ------
    railtrack.errors.InputPathError
        When a report path or ``network_dir`` does not exist (:func:`check_paths`).

    Notes
    -----
    Reads report files and loads a network.
    """
    from railtrack.cli.load import read_reports

    paths = report_paths(paths)
    check_paths(paths)
    if network_dir is not None:
        check_paths([network_dir])
    reports = read_reports(paths, columns=columns)
    if not resolve:
        return reports, None, None
    from railtrack.cli._network import load_given_network

    network = load_given_network(network_dir)
    routed = route_reports(reports, network, as_of=as_of, cut=cut)
    return routed.reports, network, routed


def _jsonable(value: Any) -> Any:
    import pandas as pd

    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and pd.isna(value):
        return None
    if isinstance(value, pd.Timestamp | pd.Period):
        return (
            value.strftime("%Y-%m-%d") if isinstance(value, pd.Period) else value.date().isoformat()
        )
    if hasattr(value, "item"):
        return value.item()
    return value


def volume_records(table: pd.DataFrame) -> list[dict[str, Any]]:
    """Return a volume table's rows as ``volume`` records (see :mod:`railtrack.records`).

    Counts of trains are named ``n_trains``/``n_trains_with_cars``; ``sources``,
    ``shipments`` and ``groups`` are lists; a ``period`` is the ISO date it starts.

    Parameters
    ----------
    table : pandas.DataFrame
        :func:`railtrack.summary.summarize` output.

    Returns
    -------
    list of dict
        One ``volume`` record per row, in order.

    Examples
    --------
    >>> import pandas as pd
    >>> volume_records(pd.DataFrame({"origin": ["Orsha"], "sources": ["A; B"]}))
    [{'record': 'volume', 'origin': 'Orsha', 'sources': ['A', 'B']}]
    """
    out = []
    for row in table.to_dict("records"):
        record: dict[str, Any] = {"record": "volume"}
        for key, value in row.items():
            name = _COUNTS.get(str(key), str(key))
            if key in _LISTS:
                text = _jsonable(value)
                record[name] = (
                    [v.strip() for v in str(text).split(";") if v.strip()] if text else []
                )
            else:
                record[name] = _jsonable(value)
        out.append(record)
    return out


@app.command(
    context_settings=CONTEXT,
    epilog=(
        "Example: railtrack summary data/reports --by destination,period --freq W --json\n\n"
        "Example: railtrack summary trains.xlsx --by railhead -f csv > cars.csv\n\n"
        "Keys: origin, destination (or railhead), route, border_crossing, period (or day, "
        "week, month, quarter: the period of that length), or any "
        "shipment column (source, claim, ...); --by total gives one row."
    ),
)
def summary(
    paths: ReportPathsArg = None,
    by: Annotated[
        str,
        typer.Option("--by", metavar="KEY,...", help="Comma-separated keys of the table."),
    ] = "origin,destination",
    freq: Annotated[
        str,
        typer.Option(
            "--freq",
            metavar="D|W|M|Q|Y",
            help="Period length: D (day), W (week), M (month), Q (quarter) or Y (year); "
            "a count before it groups more (2W: fortnights).",
        ),
    ] = "W",
    network: NetworkOption = None,
    resolve: Annotated[
        bool,
        typer.Option(
            "--resolve/--no-resolve",
            help="Resolve station names on the network so spellings of one station merge, "
            "and route the trains; --no-resolve does neither (n_routed is then null).",
        ),
    ] = True,
    columns: ColumnsOption = None,
    fmt: FormatOption = None,
    json_out: JsonOption = False,
    quiet: QuietOption = False,
) -> None:
    """Count trains and cars by type, with a group's cars counted once.

    A report's total for several trains ("86 cars in both trains") counts once; when
    it cannot be split between rows it shows as "unallocated across N trains". The
    period is each train's best date, as in the briefing: its departure, else its
    sighting, else its reported arrival, else the published date; personnel is passenger
    cars times a sourced factor. With --json one "volumes" document: by, freq,
    personnel_note, rows (each a "volume" record: the key columns, n_trains,
    n_trains_with_cars, cars_total ... cars_other, cars_unallocated,
    personnel_estimate, unallocated, sources, shipments, groups), n_routed,
    n_unrouted, unrouted_reasons, n_problems and problems. --format csv/tsv prints
    the rows. Trains are routed (for the route and border_crossing keys, and to
    account for every train): each that cannot be routed is a problem. Exit code 1
    when there were problems or a train could not be routed.

    \f

    Parameters
    ----------
    paths : list of pathlib.Path, optional
        Report files or directories (None: the embedded sample reports).
    by : str
        ``--by``: comma-separated keys of the table (``origin,destination``).
    freq : str
        ``--freq``: the period length, ``D``, ``W``, ``M`` or ``Q``.
    network : pathlib.Path, optional
        ``--network``: a network directory (None: the embedded network).
    resolve : bool
        ``--resolve/--no-resolve``: resolve and route on the network.
    columns : str, optional
        ``--columns``: how a spreadsheet's columns map to fields.
    fmt : str, optional
        ``--format``: ``table``, ``json``, ``csv`` or ``tsv``.
    json_out : bool
        ``--json``: the same as ``--format json``.
    quiet : bool
        ``--quiet``: print less.

    Raises
    ------
    typer.BadParameter
        For an unknown key or period length in ``--by``/``--freq`` (exit code 2).
    typer.Exit
        With code 1 when there were problems or a train could not be routed.

    Examples
    --------
    From a shell (not run here)::

        railtrack summary reports/ --by origin,period --freq M --no-resolve
    """
    from railtrack.summary import summarize

    fmt_ = output_format(fmt, json_out)
    keys, freq = period_keys(parse_keys(by), freq)
    # route keys need routes; a network given is used
    routing = resolve or network is not None or bool(_ROUTED_KEYS & set(keys))
    reports, _, routed = prepare(paths, network_dir=network, resolve=routing, columns=columns)
    routes = routed.routes if routed is not None else None
    try:
        table = summarize(reports, by=keys, freq=freq, routes=routes)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--by/--freq") from None
    base = routed.problems if routed is not None else reports.problems
    problems = [*base, *table.attrs["problems"]]
    rows = volume_records(table)
    if fmt_ == "json":
        emit_document(
            {
                "record": "volumes",
                "by": list(keys),
                "freq": freq,
                "personnel_note": table.attrs["personnel_note"],
                "rows": rows,
                **(routed.counts() if routed is not None else NOT_ROUTED),
                "n_problems": len(problems),
                "problems": [problem_record(p) for p in problems],
            },
            fmt_,
        )
    else:
        lead = [*keys, *([C.PERIOD_BASIS] if C.PERIOD in keys else [])]
        trains = sum(r["n_trains"] or 0 for r in rows)
        shown = [at_least_shown(r) for r in rows] if fmt_ == "table" else rows
        emit_records(
            shown,
            fmt_,
            title=f"{trains} trains by {', '.join(keys) or 'total'}",
            columns=[*lead, *_SHOWN_VALUES],
            quiet=quiet,
        )
        if fmt_ == "table" and not quiet:
            console.print(f"Personnel: {table.attrs['personnel_note']}", markup=False)
            if any(r is not s for r, s in zip(rows, shown, strict=True)):
                console.print(
                    '≥: at least that many cars (a report gave a lower bound, "at least '
                    '40", or counted only some car types)',
                    markup=False,
                )
            if any(r.get("cars_at_most") is True for r in rows):
                console.print(
                    '≤ N, a–b: some counts were upper bounds ("up to 50") or ranges '
                    '("30-35"): a range adds its low end to the fewest, an upper bound '
                    "alone adds nothing; b is the most the counts allow",
                    markup=False,
                )
    if fmt_ != "json" and not quiet and routed is not None and (note := routed.note()):
        err_console.print(note, markup=False)
    print_problems(problems, fmt_, quiet=quiet)
    if problems:
        raise typer.Exit(EXIT_INPUT_PROBLEMS)

"""``railtrack resolve`` and ``railtrack route``: station names and rail routes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from railtrack.cli import app
from railtrack.cli._options import CONTEXT, FormatOption, JsonOption, NetworkOption, QuietOption
from railtrack.cli._output import (
    EXIT_INPUT_PROBLEMS,
    check_paths,
    console,
    emit_document,
    emit_records,
    err_console,
    output_format,
    print_problems,
    terminal_width,
)

if TYPE_CHECKING:
    from railtrack.cli._output import Format
    from railtrack.gazetteer import Gazetteer, Resolution
    from railtrack.network import RailNetwork
    from railtrack.problems import Problem
    from railtrack.routing import Route

__all__ = [
    "cache_command",
    "import_osm_command",
    "resolution_record",
    "resolve",
    "route",
    "route_record",
]

_RESOLUTION_TABLE = ("query", "station_id", "station", "country", "station_region", "score")
_CANDIDATE_TABLE = ("station_id", "station", "score")
_FILE_TABLE = ("query", "station_id", "station", "geo_precision", "score", "region", "note")
_MAX_K = 100
"""Most alternative routes ``route -k`` looks for: a larger k ran for minutes, silent."""
_ROUTE_TABLE = ("origin", "destination", "length_km", "border_crossings", "station_names")


def _load(network: Path | None) -> RailNetwork:
    from railtrack.cli._network import load_given_network

    return load_given_network(network)


def _load_names(network: Path | None) -> tuple[Gazetteer, list[Problem]]:
    """Return the network's name index (the embedded one's alone, from a warm cache).

    A ``--network DIR`` of the user's own is loaded whole, so the rows it could not
    read come back too, to be printed and counted as every command does (silence
    is a bug); the embedded network has none.
    """
    from railtrack.gazetteer import load_gazetteer  # imported here to keep --help fast

    if network is not None:
        net = _load(network)
        return net.gazetteer, list(net.problems)
    return load_gazetteer(network), []


def _exit_on(problems: list[Problem]) -> None:
    """Exit 1 when the network had problems (printed already).

    ``route`` and ``resolve`` print what they found on the network as it was read,
    then exit 1 like every command whose input had problems: a skipped row may have
    changed the answer (a link of "-5" km left out makes a route longer).
    """
    if problems:
        raise typer.Exit(EXIT_INPUT_PROBLEMS)


def resolution_record(r: Resolution, node: dict[str, Any]) -> dict[str, Any]:
    """Return a resolution in the ``resolution`` record shape (see :mod:`railtrack.records`).

    Parameters
    ----------
    r : railtrack.gazetteer.Resolution
        What the name index returned.
    node : dict
        The resolved station's attributes (``country``, ``region``, ``lat``,
        ``lon``); empty for none.

    Returns
    -------
    dict
        The record; ``score`` rounded to 0.1 (0-100), ``snap_km`` in km.

    Examples
    --------
    With the embedded network's names (what ``railtrack resolve Слоним --json`` prints):

    >>> from railtrack.gazetteer import load_gazetteer
    >>> names = load_gazetteer(None)
    >>> r = names.resolve("Слоним")
    >>> record = resolution_record(r, names.place(r.station_id))
    >>> [record[k] for k in ("record", "station_id", "station", "score", "country")]
    ['resolution', 'BY-SLONIM', 'Slonim', 100.0, 'BY']
    """
    return {
        "record": "resolution",
        "query": r.query,
        "resolved": r.resolved,
        "station_id": r.station_id,
        "station": r.name if r.station_id else None,
        "score": round(r.score, 1),
        "region": r.region,
        "region_stations": list(r.region_stations),
        "report_stations": list(r.report_stations),
        "candidates": [
            {"station_id": sid, "station": name, "score": round(score, 1)}
            for sid, name, score in r.candidates
        ],
        "note": r.note,
        "country": node.get("country") or r.country,
        "station_region": node.get("region") or None,
        "lat": node.get("lat", r.lat),
        "lon": node.get("lon", r.lon),
        "geo_precision": r.precision if r.resolved else None,
        "geo_precision_code": r.geo_precision if r.resolved else None,
        "snap_km": r.snap_km,
        "form": r.form,
        "in_network": r.in_network,
        "place": r.name if r.resolved and not r.station_id and not r.region else None,
    }


@app.command(
    context_settings=CONTEXT,
    epilog=(
        'Example: railtrack resolve "Matveyev-Kurhan" --json\n\n'
        "Example: railtrack resolve Гомель --quiet   (prints the station id only)"
    ),
)
def resolve(
    name: Annotated[
        str | None,
        typer.Argument(metavar="STATION", help="Station, region or country name, any spelling."),
    ] = None,
    names_file: Annotated[
        Path | None,
        typer.Option(
            "--file",
            metavar="FILE",
            help="Resolve every line of this UTF-8 file (one name a line; - reads standard "
            "input); each distinct name is resolved once.",
        ),
    ] = None,
    network: NetworkOption = None,
    fmt: FormatOption = None,
    json_out: JsonOption = False,
    quiet: QuietOption = False,
) -> None:
    """Resolve a station name as a report writes it to one station of the network.

    Prints the station's id, canonical name, country and score; a region or country
    ("Belarus") lists the stations it covers. An unresolved name prints the ranked
    candidates and exits with code 1. With --json one "resolution" record (see
    `railtrack schema resolution`); with --quiet only the station id (or the region).
    With --file, one row (or record) per line of the file, in order; exits 1 when a
    name is unresolved.

    \f

    Parameters
    ----------
    name : str, optional
        A station, region or country name as a report writes it.
    names_file : pathlib.Path, optional
        ``--file``: resolve every line of this file instead (``-``: standard input).
    network : pathlib.Path, optional
        ``--network``: a network directory (None: the embedded network).
    fmt : str, optional
        ``--format``: ``table``, ``json``, ``csv`` or ``tsv``.
    json_out : bool
        ``--json``: the same as ``--format json``.
    quiet : bool
        ``--quiet``: print only the station id (or region).

    Raises
    ------
    typer.Exit
        With code 2 unless exactly one of ``name`` and ``--file`` is given; 1 when a
        name is unresolved.

    Examples
    --------
    From a shell (loads the embedded network, so not run here)::

        railtrack resolve "Осиповичи" --json
    """
    fmt_ = output_format(fmt, json_out)
    if (name is None) == (names_file is None):
        err_console.print("give a STATION name or --file FILE (one of the two)", markup=False)
        raise typer.Exit(2)
    if names_file is not None:
        _resolve_file(names_file, network, fmt_, quiet=quiet)
        return
    assert name is not None  # checked above
    names, problems = _load_names(network)
    try:
        _print_resolution(names, name, fmt_, quiet=quiet)
    finally:  # an unresolved name exits 1 too: the problems are printed first
        print_problems(problems, fmt_, quiet=quiet)
    _exit_on(problems)


def _print_resolution(names: Gazetteer, name: str, fmt_: Format, *, quiet: bool) -> None:
    """Print one name's resolution; exit 1 when it is unresolved."""
    r = names.resolve(name)
    node = names.place(r.station_id) if r.station_id else {}
    record = resolution_record(r, node)
    if fmt_ != "table":
        emit_records([record], fmt_)
    elif quiet:
        if r.resolved:
            console.print(r.station_id or r.region or r.name, markup=False)
    elif r.station_id:
        console.print(
            f"{r.query} -> {r.name} [{r.station_id}] {node.get('country', '')} "
            f"{node.get('region', '')} (score {r.score:.0f})",
            markup=False,
        )
    elif r.resolved and not r.in_network:
        where = f" at {r.lat:.3f}, {r.lon:.3f}" if r.lat is not None and r.lon is not None else ""
        console.print(
            f"{r.query} -> {r.precision} {r.name} ({r.country}){where}: "
            + (
                "the network's track does not reach it, no route"
                if "track does not reach" in r.note
                else "outside the network area, no route"
            ),
            markup=False,
        )
    elif r.resolved:
        stations = r.report_stations or r.region_stations
        console.print(
            f"{r.query} -> region {r.region}: {len(r.region_stations)} stations; "
            f"report stations: {', '.join(stations[:12]) or 'none'}",
            markup=False,
        )
    if not r.resolved:
        if not quiet:
            err_console.print(f"{name!r} not resolved: {r.note}", markup=False)
        if fmt_ == "table" and r.candidates and not quiet:
            emit_records(
                record["candidates"], "table", title="candidates", columns=_CANDIDATE_TABLE
            )
        raise typer.Exit(EXIT_INPUT_PROBLEMS)


def _read_names(path: Path) -> tuple[list[str], list[int], list[Problem]]:
    """Return the non-blank lines of a names file (stripped), their line numbers, problems.

    A line that is not UTF-8 text or holds binary data is a problem naming the file
    and the line (a :class:`~railtrack.problems.Problem` counted in lines), and is
    skipped; the other lines are read.

    Raises
    ------
    InputPathError
        When the file does not exist or cannot be read.
    """
    import sys

    from railtrack.errors import InputPathError
    from railtrack.problems import Problem

    check_paths([path])
    try:
        data = sys.stdin.buffer.read() if str(path) == "-" else path.read_bytes()
    except OSError as exc:
        raise InputPathError(f"{path}: cannot read the names file: {exc.strerror}") from exc
    names: list[str] = []
    lines: list[int] = []
    problems: list[Problem] = []
    for number, raw in enumerate(data.splitlines(), start=1):
        try:
            text = raw.decode("utf-8-sig" if number == 1 else "utf-8").strip()
        except UnicodeDecodeError as exc:
            message = f"not UTF-8 text ({exc.reason}); line skipped"
            problems.append(Problem(str(path), number, None, message, "line"))
            continue
        if "\x00" in text:
            message = "binary data, not a name; line skipped"
            problems.append(Problem(str(path), number, None, message, "line"))
        elif text:
            names.append(text)
            lines.append(number)
    return names, lines, problems


def _resolve_file(path: Path, network: Path | None, fmt: Any, *, quiet: bool) -> None:
    """Resolve every name of a file in one batch and print one row or record per name."""
    names, lines, problems = _read_names(path)
    index, net_problems = _load_names(network)
    problems = [*net_problems, *problems]
    found = index.resolve_all(names)
    records = [
        resolution_record(r, index.place(r.station_id) if r.station_id else {}) for r in found
    ]
    if fmt == "table" and quiet:
        for r in found:
            console.print(r.station_id or r.region or r.name or "", markup=False)
    else:
        emit_records(
            records,
            fmt,
            title=f"{len(names)} names ({len(set(names))} distinct) from {path}",
            columns=_FILE_TABLE,
            empty=f"no names in {path}",
        )
    missing = [(n, k) for n, k, r in zip(names, lines, found, strict=True) if not r.resolved]
    if missing and not quiet and fmt != "json":  # --json: each record says "resolved"
        where = ", ".join(f"line {k} {n!r}" for n, k in missing[:5])
        more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
        err_console.print(
            f"{len(missing)} of {len(names)} names not resolved: {where}{more}", markup=False
        )
    print_problems(problems, fmt, quiet=quiet)
    if missing or problems:
        raise typer.Exit(EXIT_INPUT_PROBLEMS)


def _wrapped(names: list[str], width: int) -> list[str]:
    """Return station names joined by " - " in lines of at most ``width``, indented.

    Lines break between stations, never inside a name.

    Examples
    --------
    >>> _wrapped(["Orsha", "Smolensk", "Bryansk"], 20)
    ['  Orsha - Smolensk -', '  Bryansk']
    """
    lines: list[str] = []
    line = ""
    for i, name in enumerate(names):
        part = name + (" -" if i < len(names) - 1 else "")
        if line and len(line) + 1 + len(part) > width:
            lines.append(line)
            line = ""
        line = f"{line} {part}" if line else f"  {part}"
    return [*lines, line] if line else lines


def route_record(r: Route, net: RailNetwork) -> dict[str, Any]:
    """Return a route in the ``route`` record shape: the ends as places, stations in order.

    Each end is a place object as in every other command: the name as given, the
    station the route starts or ends at (for a region, the one chosen), the region
    a region name resolved to, its geo precision and the station's coordinates.

    Parameters
    ----------
    r : railtrack.routing.Route
        A route of :meth:`railtrack.RailNetwork.route`.
    net : railtrack.RailNetwork
        The network it runs on.

    Returns
    -------
    dict
        The record; ``length_km`` in km rounded to 0.1, ``geometry`` a list of
        coordinate pairs.

    Examples
    --------
    On the embedded network (what ``railtrack route Orsha Smolensk --json`` prints):

    >>> from railtrack import load_network
    >>> net = load_network(national=False)
    >>> (r,) = net.route("Orsha", "Smolensk")
    >>> record = route_record(r, net)
    >>> record["length_km"], record["station_names"][-1], record["border_crossings"]
    (137.0, 'Smolensk-Tsentralny', ['Osinovka–Krasnoye'])
    >>> record["origin"]["text"], record["origin"]["station_id"]
    ('Orsha', 'BY-ORSHA')
    """
    from railtrack.cli._output import place_record

    def end(query: str, station_id: str) -> dict[str, Any] | None:
        place = net.resolve(query).to_place(query)
        update = {"station_id": station_id, "station": net.G.nodes[station_id].get("name")}
        if place.geo_precision is None:  # given as a station id
            update.update(geo_precision="station", unresolved=False)
        return place_record(place.model_copy(update=update), net)

    return {
        "record": "route",
        "origin": end(r.origin_query, r.origin),
        "destination": end(r.destination_query, r.destination),
        "length_km": round(r.length_km, 1),
        "stations": list(r.stations),
        "station_names": list(r.names),
        "border_crossings": list(r.border_crossings),
        "geometry": [list(p) for p in r.geometry],
    }


@app.command(
    context_settings=CONTEXT,
    epilog=(
        'Example: railtrack route Slonim "Matveev Kurgan" -k 2 --json\n\n'
        "Example: railtrack route Belarus Neklinovka --via Smolensk"
    ),
)
def route(
    origin: Annotated[str, typer.Argument(metavar="FROM", help="Origin station or region.")],
    destination: Annotated[
        str, typer.Argument(metavar="TO", help="Destination station or region.")
    ],
    via: Annotated[
        list[str] | None,
        typer.Option(metavar="STATION", help="Station to pass, in order; repeatable."),
    ] = None,
    k: Annotated[
        int,
        typer.Option(
            "-k",
            "--k",
            metavar="N",
            min=1,
            max=_MAX_K,
            help=f"Number of alternative routes (at most {_MAX_K}).",
        ),
    ] = 1,
    network: NetworkOption = None,
    fmt: FormatOption = None,
    json_out: JsonOption = False,
    quiet: QuietOption = False,
) -> None:
    """Find the shortest rail route(s) by length between two stations or regions.

    A region origin ("Belarus") routes from the stations reports use there and
    names the one chosen. With --json each route is one "route" record per line
    (see `railtrack schema route`). An unresolved name exits 1 with candidates; no
    route between the ends exits 2.

    \f

    Parameters
    ----------
    origin, destination : str
        Station or region names, any spelling.
    via : list of str, optional
        ``--via``: stations to pass, in order.
    k : int
        ``-k``: how many alternative routes (at least 1).
    network : pathlib.Path, optional
        ``--network``: a network directory (None: the embedded network).
    fmt : str, optional
        ``--format``: ``table``, ``json``, ``csv`` or ``tsv``.
    json_out : bool
        ``--json``: the same as ``--format json``.
    quiet : bool
        ``--quiet``: print less.

    Raises
    ------
    typer.Exit
        With code 1 when a name is unresolved, 2 when no route joins the ends.

    Examples
    --------
    From a shell (loads the embedded network, so not run here)::

        railtrack route Orsha Smolensk -k 2 --json
    """
    fmt_ = output_format(fmt, json_out)
    net = _load(network)
    try:
        _print_routes(net, origin, destination, via, k, fmt_, quiet=quiet)
    finally:  # an unresolved end (exit 1) or no route (exit 2): the problems first
        print_problems(net.problems, fmt_, quiet=quiet)
    _exit_on(net.problems)


def _print_routes(
    net: RailNetwork,
    origin: str,
    destination: str,
    via: list[str] | None,
    k: int,
    fmt_: Format,
    *,
    quiet: bool,
) -> None:
    """Print the routes between two ends; exit 1 when an end is unresolved."""
    from railtrack.errors import StationNotFound

    try:
        routes = net.route(origin, destination, via=via or None, k=k)
    except StationNotFound as exc:
        err_console.print(f"railtrack: {exc}", markup=False)
        raise typer.Exit(EXIT_INPUT_PROBLEMS) from None
    records = [route_record(r, net) for r in routes]
    if k > 1 and len(routes) < k:
        err_console.print(
            f"railtrack: only {len(routes)} of the {k} routes asked for differ in their "
            "stations (paths that differ in unnamed track nodes alone count once)",
            markup=False,
        )
    if fmt_ != "table":
        emit_records(records, fmt_)
        return
    for i, r in enumerate(routes, start=1):
        crossings = "; ".join(r.border_crossings) or "none"
        named = net.named_stops(r)
        if not quiet:
            console.print(
                f"route {i}: {r.names[0]} -> {r.names[-1]}, {r.length_km:,.0f} km, "
                f"{len(named)} named stations, border crossings: {crossings}",
                markup=False,
            )
        if quiet:
            console.print(" - ".join(named), markup=False, soft_wrap=True)  # one line a route
            continue
        for line in _wrapped(named, terminal_width()):
            console.print(line, markup=False, soft_wrap=True)
        from railtrack.routing import passed_destination

        passed = passed_destination(net.G, r, net.settings)
        if passed is not None:
            where, km, rest = passed
            console.print(
                f"  note: the route passes {where}, {km:.0f} km from {r.names[-1]}, and "
                f"runs {rest:,.0f} km more before arriving: it likely doubles back (the "
                "network may list a station out of its line's order); the length is "
                "likely too long",
                markup=False,
                soft_wrap=True,
            )


network_app = typer.Typer(
    help="Build rail networks from other sources; show or clear the network cache.",
    epilog="Example: railtrack network import-osm belarus-latest.osm.pbf -o nets/by",
    no_args_is_help=True,
    add_completion=False,
    context_settings=CONTEXT,
)
app.add_typer(network_app, name="network")


@network_app.command(
    "import-osm",
    epilog=(
        "Example: railtrack network import-osm belarus-latest.osm.pbf --out nets/by && "
        "railtrack route Orsha Brest --network nets/by"
    ),
)
def import_osm_command(
    file: Annotated[
        Path, typer.Argument(metavar="FILE", help="OpenStreetMap extract (.osm.pbf, .osm).")
    ],
    out: Annotated[
        Path,
        typer.Option(
            "--out", "-o", metavar="DIR", help="Directory to write stations.csv and links.csv."
        ),
    ],
    fmt: FormatOption = None,
    json_out: JsonOption = False,
    quiet: QuietOption = False,
) -> None:
    """Build a network directory from the railway=rail ways and stations of an OSM file.

    Links keep usage, gauge and service; stations and halts keep name, name:ru/be/uk/en,
    esr:user and uic_ref; stations mapped beside the track are joined to it (within
    1 km); lengths are measured along the track geometry. The directory then loads
    with --network DIR. With --json one "network" record (`railtrack schema network`):
    out, n_stations, n_track_nodes, n_links, n_stations_on_track, n_stations_snapped,
    n_stations_too_far, n_ways, n_ways_skipped.

    \f

    Parameters
    ----------
    file : pathlib.Path
        An OpenStreetMap extract (``.osm.pbf`` or ``.osm``).
    out : pathlib.Path
        ``--out``: the directory to write ``stations.csv`` and ``links.csv`` to.
    fmt : str, optional
        ``--format``: ``table``, ``json``, ``csv`` or ``tsv``.
    json_out : bool
        ``--json``: the same as ``--format json``.
    quiet : bool
        ``--quiet``: print only the output directory.

    Raises
    ------
    railtrack.errors.InputPathError
        When ``file`` does not exist.

    Examples
    --------
    From a shell (needs pyosmium and an OSM file, so not run here)::

        railtrack network import-osm belarus-latest.osm.pbf --out net/
    """
    from railtrack.osm_import import import_osm  # needs pyosmium; imported on use

    check_paths([file])
    summary = import_osm(file, out)
    fmt_ = output_format(fmt, json_out)
    if quiet and fmt_ == "table":
        typer.echo(str(out))
        return
    if fmt_ != "table":
        emit_document(
            {"record": "network", "out": str(out), **{f"n_{k}": v for k, v in summary.items()}},
            fmt_,
            quiet=quiet,
        )
        return
    console.print(
        f"{out}: {summary['stations']} stations ({summary['stations_on_track']} on the track, "
        f"{summary['stations_snapped']} joined to it), {summary['track_nodes']} track nodes, "
        f"{summary['links']} links from {summary['ways']} rail ways"
    )
    if summary["stations_too_far"]:
        err_console.print(
            f"{summary['stations_too_far']} station(s) more than 1 km from any rail way "
            "were left out"
        )


@network_app.command(
    "cache",
    epilog="Example: railtrack network cache --clear",
)
def cache_command(
    clear: Annotated[
        bool, typer.Option("--clear", help="Delete every cached network and name index.")
    ] = False,
    build_names: Annotated[
        bool,
        typer.Option(
            "--build-names",
            help="Build the network's exact-form index (after --clear): the answer of "
            "every name its places and regions are written with, so such names resolve "
            "by one look-up. A few tens of seconds, once per network.",
        ),
    ] = False,
    network: NetworkOption = None,
    fmt: FormatOption = None,
    json_out: JsonOption = False,
    quiet: QuietOption = False,
) -> None:
    """Show (or empty) the cache of loaded networks and their name indexes.

    Loading a network builds its graph and name index once and keeps them in the
    user's cache directory, so later runs start in a fraction of the time; an entry
    is reused only for the same data files, options, settings and railtrack code.
    RAILTRACK_CACHE_DIR moves the cache; RAILTRACK_NO_CACHE=1 turns it off. With
    --json one "cache" record (`railtrack schema cache`); with --quiet only the
    directory.

    \f

    Parameters
    ----------
    clear : bool
        ``--clear``: delete every cached network and name index.
    build_names : bool
        ``--build-names``: build the network's exact-form name index.
    network : pathlib.Path, optional
        ``--network``: the network whose names are built (None: the embedded network).
    fmt : str, optional
        ``--format``: ``table``, ``json``, ``csv`` or ``tsv``.
    json_out : bool
        ``--json``: the same as ``--format json``.
    quiet : bool
        ``--quiet``: print only the cache directory.

    Raises
    ------
    typer.Exit
        With code 1 when the cache cannot be cleared.

    Examples
    --------
    From a shell (reads the user's cache directory, so not run here)::

        railtrack network cache --json
    """
    from railtrack import _netcache

    folder = _netcache.cache_dir()
    deleted = 0
    if clear:
        try:
            deleted = _netcache.clear()
        except OSError as exc:
            err_console.print(f"cannot clear {folder}: {exc}", markup=False)
            raise typer.Exit(EXIT_INPUT_PROBLEMS) from None
    n_forms = _build_names(network) if build_names else 0
    files = sorted(folder.glob("*.pickle")) if folder.is_dir() else []
    summary = {
        "record": "cache",
        "cache_dir": str(folder),
        "enabled": _netcache.enabled(),
        "n_files": len(files),
        "megabytes": round(sum(p.stat().st_size for p in files) / 1e6, 1),
        "n_deleted": deleted,
        "n_forms": n_forms,
    }
    fmt_ = output_format(fmt, json_out)
    if quiet and fmt_ == "table":
        typer.echo(str(folder))
    elif fmt_ != "table":
        emit_document(summary, fmt_, quiet=quiet)
    else:
        state = "on" if summary["enabled"] else f"off ({_netcache.NO_CACHE_ENV} is set)"
        done = f"{deleted} file(s) deleted; " if clear else ""
        done += f"exact-form index of {n_forms:,} names built; " if build_names else ""
        console.print(
            f"{folder}: {done}{len(files)} file(s), {summary['megabytes']} MB; cache {state}",
            markup=False,
        )


def _build_names(network: Path | None) -> int:
    """Build the exact-form index of a network's name index; return its number of forms."""
    from railtrack import _netcache
    from railtrack._formindex import build_form_index

    if not _netcache.enabled():
        err_console.print(
            f"the exact-form index lives in the cache, which {_netcache.NO_CACHE_ENV} turns off",
            markup=False,
        )
        raise typer.Exit(EXIT_INPUT_PROBLEMS)
    from railtrack.gazetteer import load_gazetteer

    if network is not None:
        check_paths([network])
    names = load_gazetteer(network)
    key = names._index_key
    n = build_form_index(names, key) if key is not None else None
    if n is None:
        err_console.print("this network's name index is not cached; no form index built")
        raise typer.Exit(EXIT_INPUT_PROBLEMS)
    return n

"""``railtrack resolve`` and ``railtrack route``: station names and rail routes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from railtrack.cli import app
from railtrack.cli._output import (
    EXIT_INPUT_PROBLEMS,
    check_paths,
    console,
    err_console,
    frame_table,
    print_json,
)
from railtrack.errors import StationNotFound

if TYPE_CHECKING:
    from railtrack.network import RailNetwork

__all__ = ["import_osm_command", "resolve", "route"]

_NETWORK_HELP = (
    "Network directory (stations.csv, links.csv); default: the embedded theatre network."
)


def _load(network: Path | None) -> RailNetwork:
    from railtrack.network import load_network  # imported here to keep --help fast

    if network is not None:
        check_paths([network])
    return load_network(network)


@app.command(
    epilog='Example: railtrack resolve "Matveyev-Kurhan" --json',
)
def resolve(
    name: Annotated[str, typer.Argument(help="Station, region or country name, any spelling.")],
    network: Annotated[Path | None, typer.Option(help=_NETWORK_HELP, metavar="DIR")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Resolve a station name as a report writes it to one station of the network.

    Prints the station's id, canonical name, country and score; a region or country
    ("Belarus") lists the stations it covers. An unresolved name prints the ranked
    candidates and exits with code 1. With --json: {"query", "resolved", "id",
    "name", "score", "region", "region_stations", "report_stations", "candidates",
    "note", "country", "station_region", "lat", "lon"}.
    """
    net = _load(network)
    r = net.resolve(name)
    node = net.G.nodes[r.station_id] if r.station_id else {}
    if json_out:
        doc = r.to_dict()
        doc.update(
            country=node.get("country"),
            station_region=node.get("region") or None,
            lat=node.get("lat"),
            lon=node.get("lon"),
        )
        print_json(doc)
    elif r.station_id:
        console.print(
            f"{r.query} -> {r.name} [{r.station_id}] {node.get('country', '')} "
            f"{node.get('region', '')} (score {r.score:.0f})",
            markup=False,
        )
    elif r.resolved:
        stations = r.report_stations or r.region_stations
        console.print(
            f"{r.query} -> region {r.region}: {len(r.region_stations)} stations; "
            f"report stations: {', '.join(stations[:12]) or 'none'}",
            markup=False,
        )
    else:
        err_console.print(f"{name!r} not resolved: {r.note}", markup=False)
        if r.candidates:
            import pandas as pd

            df = pd.DataFrame(r.candidates, columns=["id", "name", "score"])
            console.print(frame_table(df, title="candidates"))
    if not r.resolved:
        raise typer.Exit(EXIT_INPUT_PROBLEMS)


@app.command(
    epilog=(
        'Example: railtrack route Slonim "Matveev Kurgan" --k 2 --json\n\n'
        "Example: railtrack route Belarus Neklinovka --via Smolensk"
    ),
)
def route(
    origin: Annotated[str, typer.Argument(metavar="FROM", help="Origin station or region.")],
    destination: Annotated[
        str, typer.Argument(metavar="TO", help="Destination station or region.")
    ],
    via: Annotated[
        list[str] | None, typer.Option(help="Station to pass, in order; repeatable.")
    ] = None,
    k: Annotated[int, typer.Option("--k", min=1, help="Number of alternative routes.")] = 1,
    network: Annotated[Path | None, typer.Option(help=_NETWORK_HELP, metavar="DIR")] = None,
    json_out: Annotated[
        bool, typer.Option("--json", help="Print JSON Lines: one route per line.")
    ] = False,
) -> None:
    """Find the shortest rail route(s) by length between two stations or regions.

    A region origin ("Belarus") routes from the stations reports use there and
    names the one chosen. With --json each route is one line: {"origin_query",
    "destination_query", "origin", "destination", "length_km", "stations", "names",
    "border_crossings", "geometry"}. An unresolved name exits 1 with candidates;
    no route between the ends exits 2.
    """
    net = _load(network)
    try:
        routes = net.route(origin, destination, via=via or None, k=k)
    except StationNotFound as exc:
        err_console.print(f"railtrack: {exc}", markup=False)
        raise typer.Exit(EXIT_INPUT_PROBLEMS) from None
    if json_out:
        for r in routes:
            print_json(r.to_dict())
        return
    for i, r in enumerate(routes, start=1):
        crossings = "; ".join(r.border_crossings) or "none"
        named = net.named_stops(r)
        console.print(
            f"route {i}: {r.names[0]} -> {r.names[-1]}, {r.length_km:,.0f} km, "
            f"{len(named)} named stations, border crossings: {crossings}",
            markup=False,
        )
        console.print("  " + " - ".join(named), markup=False, soft_wrap=True)


network_app = typer.Typer(
    help="Build rail networks from other sources.", no_args_is_help=True, add_completion=False
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
    file: Annotated[Path, typer.Argument(help="OpenStreetMap extract (.osm.pbf, .osm).")],
    out: Annotated[Path, typer.Option(help="Directory to write stations.csv and links.csv.")],
    json_out: Annotated[bool, typer.Option("--json", help="Print the counts as JSON.")] = False,
) -> None:
    """Build a network directory from the railway=rail ways and stations of an OSM file.

    Links keep usage, gauge and service; stations and halts keep name, name:ru/be/uk/en,
    esr:user and uic_ref; stations mapped beside the track are joined to it (within
    1 km); lengths are measured along the track geometry. The directory then loads
    with --network DIR. With --json: {"stations", "track_nodes", "links",
    "stations_on_track", "stations_snapped", "stations_too_far", "ways",
    "ways_skipped"}.
    """
    from railtrack.osm_import import import_osm  # needs pyosmium; imported on use

    check_paths([file])
    summary = import_osm(file, out)
    if json_out:
        print_json(summary)
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

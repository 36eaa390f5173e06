"""Write what the main job computed: tables, GeoJSON and GraphML, PNG plots, one HTML briefing.

The HTML briefing (:mod:`railtrack.briefing_html`) is one self-contained file:
pictures embedded as data URIs, Leaflet and the map data inlined, so it can be
mailed or opened offline; its map asks the network only for OpenStreetMap tiles,
and only when the reader switches them on. CSV files are written by
:func:`railtrack.safetext.write_csv`: no cell runs as a formula in a spreadsheet and
no character inside a cell breaks its row.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from railtrack import columns as C
from railtrack._frames import parquet_ready
from railtrack.accounting import OUTCOME
from railtrack.briefing_html import render_briefing
from railtrack.graph_export import to_graphml, write_encoded_features, write_geojson
from railtrack.plot import plot_arrival_timeline, plot_route_map, plot_volumes
from railtrack.route_files import (
    distinct_routes,
    per_train_estimates,
    per_train_routes,
    route_ids,
    summary_by_route_file,
)
from railtrack.safetext import escape_formulas, write_csv
from railtrack.webmap import corridor_features

if TYPE_CHECKING:
    from railtrack.pipeline import TrackResult

__all__ = ["escape_formulas", "write_csv", "write_outputs"]

logger = logging.getLogger(__name__)


def _save(fig: Figure, path: Path) -> Path:
    fig.savefig(path, dpi=110, bbox_inches="tight")
    return path


TIMELINE_ROWS = 60
"""Most shipments the briefing's timeline draws; every shipment is in estimates.csv."""


TIMELINE_DAYS = 120
"""The longest span of days before the as-of date the timeline draws; older trains
are left to estimates.csv (a timeline of several years draws every window as a dot)."""


def _row_day(estimates: pd.DataFrame) -> pd.Series:
    """Each row's day on the timeline: its p50, else its departure, else its claim."""
    day = pd.Series(pd.NaT, index=estimates.index, dtype="datetime64[ns]")
    for col in (C.P50, C.DEPARTURE_EARLIEST, C.CLAIMED_EARLIEST):
        if col in estimates.columns:
            day = day.fillna(pd.to_datetime(estimates[col], errors="coerce").dt.tz_localize(None))
    return day


def timeline_rows(
    estimates: pd.DataFrame,
    as_of: pd.Timestamp | None,
    *,
    limit: int = TIMELINE_ROWS,
    days: int = TIMELINE_DAYS,
) -> pd.DataFrame:
    """Return the estimates the briefing's timeline draws: the current ones, at most ``limit``.

    A row whose day (its p50, else its departure, else its claimed arrival) lies more
    than ``days`` days before ``as_of`` (the latest day when there is no as-of date)
    is left out, so a log of several years still draws readable windows; rows with
    no day stay. A timeline of thousands of rows is unreadable (and a picture
    hundreds of thousands of pixels tall), so beyond ``limit`` the rows kept are
    those whose median arrival lies nearest ``as_of``, then rows without a window;
    they are drawn in input order.

    Examples
    --------
    >>> est = pd.DataFrame({"id": ["a", "b", "c"],
    ...                     "p50": pd.to_datetime(["2023-03-01", "2023-03-09", None])})
    >>> timeline_rows(est, pd.Timestamp("2023-03-08"), limit=1)["id"].tolist()
    ['b']
    >>> old = pd.DataFrame({"id": ["2014", "now"],
    ...                     "p50": pd.to_datetime(["2014-06-01", "2023-03-09"])})
    >>> timeline_rows(old, pd.Timestamp("2023-03-10"))["id"].tolist()
    ['now']
    """
    day = _row_day(estimates)
    if day.notna().any():
        anchor = pd.Timestamp(as_of).tz_localize(None) if as_of is not None else day.max()
        recent = day.isna() | (day >= anchor - pd.Timedelta(days=days))
        if not recent.all():
            estimates = estimates[recent.to_numpy()]
    if len(estimates) <= limit:
        return estimates
    if C.P50 not in estimates.columns:
        return estimates.head(limit)
    p50 = pd.to_datetime(estimates[C.P50])
    anchor = as_of if as_of is not None else p50.max()
    distance = (p50 - anchor).abs()
    order = np.argsort(distance.dt.total_seconds().fillna(np.inf).to_numpy(), kind="stable")
    return estimates.iloc[np.sort(order[:limit])]


def _figures(result: TrackResult) -> dict[str, Figure]:
    """Draw the three pictures on figures that are not attached to pyplot."""
    figures: dict[str, Figure] = {}
    with mpl.rc_context({"figure.max_open_warning": 0}):
        fig = Figure(figsize=(10, 8))
        plot_route_map(
            result.network,
            result.graph,
            ax=fig.add_subplot(),
            title="Routes of the reported shipments",
        )
        figures["route_map"] = fig
        outcome = dict(zip(result.outcomes[C.ID], result.outcomes[OUTCOME], strict=True))
        ids = result.estimates[C.ID].astype(str)
        firsts = result.shipments.drop_duplicates(C.ID)
        regions = firsts.set_index(firsts[C.ID].astype(str))
        estimates = result.estimates.assign(
            **{OUTCOME: ids.map(outcome)},
            **{
                col: ids.map(regions[col])
                for col in (C.ORIGIN_REGION, C.DESTINATION_REGION)
                if col in regions.columns and col not in result.estimates.columns
            },
        )
        shown = timeline_rows(estimates, result.as_of)
        fig = Figure(figsize=(10, max(3.0, 0.45 * len(shown) + 1.5)))
        title = "Arrival windows per train"
        if len(shown) < len(result.estimates):
            title += (
                f": {len(shown)} of {len(result.estimates):,} shipments, those of the "
                f"{TIMELINE_DAYS} days up to "
                + ("the as-of date" if result.as_of is not None else "the latest")
                + " (all in estimates.csv)"
            )
        plot_arrival_timeline(
            shown,
            as_of=result.as_of,
            ax=fig.add_subplot(),
            title=title,
            sightings=result.sightings,
        )
        figures["timeline"] = fig
        fig = Figure(figsize=(10, 5))
        plot_volumes(result.summaries["by_week"], by=C.PERIOD, ax=fig.add_subplot())
        figures["volumes"] = fig
    return figures


def write_outputs(
    result: TrackResult,
    out_dir: str | Path,
    *,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Path]:
    """Write tables, plots and ``report.html`` under ``out_dir``; return name -> path.

    Tables are written as CSV (formula-like cells escaped) and, for shipments and
    estimates, also as Parquet. ``routes.csv`` and ``estimates.csv`` name each
    train's route by ``route_id``; ``distinct_routes.csv`` lists each route once
    (its label and stations) (:mod:`railtrack.route_files`); so does
    ``estimates.parquet``. ``relays.csv`` lists the shipments
    left out as relays of a train another report tells (:mod:`railtrack.relays`).

    Parameters
    ----------
    result : railtrack.pipeline.TrackResult
        The main job's result.
    out_dir : str or pathlib.Path
        The output directory; created when missing, files in it replaced.
    progress : callable, optional
        Called with each step's name (``"tables"``, ``"plots"``, ``"report"``) as it
        starts.

    Returns
    -------
    dict of str to pathlib.Path
        File name (``"shipments.csv"``, ``"report.html"``, ...) -> the path written.

    Raises
    ------
    OSError
        When a file cannot be written.

    Notes
    -----
    Needs a whole :class:`~railtrack.pipeline.TrackResult` and writes dozens of files and
    plots; see ``tests/test_briefing.py``.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}

    def step(name: str) -> None:
        if progress is not None:
            progress(name)

    step("tables")
    # Each route's station list and label once, in distinct_routes; per-train rows name
    # it by route_id (railtrack.route_files).
    # Each route hashed to its route_id once for the four tables that name it.
    rids = route_ids(result.routes[C.STATIONS]) if C.STATIONS in result.routes else None
    tables: dict[str, pd.DataFrame] = {
        "shipments": result.shipments,
        "groups": result.groups,
        "sightings": result.sightings,
        "routes": per_train_routes(result.routes, ids=rids),
        "distinct_routes": distinct_routes(result.routes, ids=rids),
        "estimates": per_train_estimates(result.estimates, result.routes, ids=rids),
        "status": result.statuses,
        "relays": result.relays,
        "problems": result.problems_frame(),
        **{f"summary_{name}": df for name, df in result.summaries.items()},
    }
    if "summary_by_route" in tables:  # the label once, in distinct_routes: by route_id here
        tables["summary_by_route"] = summary_by_route_file(
            tables["summary_by_route"], result.routes, ids=rids
        )
    for name, df in tables.items():
        written[f"{name}.csv"] = write_csv(df, out / f"{name}.csv")
    # estimates.parquet names each train's route by route_id, as estimates.csv does: the
    # label column (dictionary-encoded, 117 MB of labels at 100,000 reports) cost
    # 500 MB of memory while pyarrow wrote it, and 25 of the file's 29 MB.
    for name in ("shipments", "estimates"):
        path = out / f"{name}.parquet"
        df = tables[name]
        parquet_ready(df).to_parquet(path, index=False)
        written[f"{name}.parquet"] = path
    step("plots")
    pictures = {name: _save(fig, out / f"{name}.png") for name, fig in _figures(result).items()}
    written.update({f"{name}.png": path for name, path in pictures.items()})
    written.update(_geo_files(result, out))
    step("report")
    report = out / "report.html"
    names = [*written, "report.html"]
    report.write_text(render_briefing(result, pictures, files=names), encoding="utf-8")
    written["report.html"] = report
    logger.info("Wrote %d files to %s", len(written), out)
    return written


def routes_geojson(result: TrackResult) -> dict[str, Any]:
    """Return the briefing map's corridors as a GeoJSON FeatureCollection (lon, lat).

    One LineString per distinct route trains were routed on, with ``route_id``
    (as in ``distinct_routes.csv`` and the corridor graph's ``route_ids``),
    ``trains``, ``cars`` (counted on the trains; None when no train gives a count),
    ``ids`` and ``title`` (origin → destination).
    """
    features = []
    for corridor in corridor_features(result):  # every route, also those the map leaves out
        features.append(
            {
                "type": "Feature",
                "geometry": {
                    "type": "LineString",
                    "coordinates": [[lon, lat] for lat, lon in corridor["coords"]],
                },
                "properties": {
                    "route_id": corridor["route_id"],
                    "title": corridor["title"],
                    "trains": corridor["trains"],
                    "cars": corridor["cars"],
                    "ids": corridor["ids"],
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def _geo_files(result: TrackResult, out: Path) -> dict[str, Path]:
    """Write the corridors for GIS tools: GeoJSON (segments and stations, routes) and GraphML."""
    files = {
        "corridors.geojson": write_geojson(result.graph, out / "corridors.geojson"),
        "corridors.graphml": to_graphml(result.graph, out / "corridors.graphml"),
    }
    files["routes.geojson"] = write_encoded_features(
        _route_feature_texts(result), out / "routes.geojson"
    )
    return files


def _route_feature_texts(result: TrackResult) -> Iterator[str]:
    """Yield :func:`routes_geojson`'s features as JSON text, one by one, as ``json.dumps``.

    The routes pass the same stations: each station's ``[lon, lat]`` is encoded once
    (16,500 stations, not the 6 million points of 12,000 routes at national scale),
    and no feature's coordinate lists are built, so the file is written without
    holding every route's points as lists (0.5 GB at 100,000 trains).
    """
    points = _PointTexts()
    for corridor in corridor_features(result):
        # joined by C-level map: no Python step per point (6 million at 100,000 trains)
        coords = ", ".join(map(points.__getitem__, corridor["coords"]))
        properties = {key: corridor[key] for key in _ROUTE_PROPERTIES}
        yield (
            '{"type": "Feature", "geometry": {"type": "LineString", "coordinates": ['
            + coords
            + ']}, "properties": '
            + json.dumps(properties, ensure_ascii=False)
            + "}"
        )


class _PointTexts(dict[tuple[float, float], str]):
    """Each ``(lat, lon)`` point's GeoJSON text ``[lon, lat]``, encoded on first use.

    Examples
    --------
    >>> texts = _PointTexts()
    >>> texts[(53.1, 25.3)], len(texts)
    ('[25.3, 53.1]', 1)
    """

    def __missing__(self, point: tuple[float, float]) -> str:
        lat, lon = point
        text = self[point] = json.dumps([lon, lat])
        return text


_ROUTE_PROPERTIES = ("route_id", "title", "trains", "cars", "ids")
"""The properties of each feature of ``routes.geojson``, in order."""


def describe(written: dict[str, Path]) -> list[dict[str, Any]]:
    """Return the written files as JSON-ready dicts (name, path, bytes)."""
    return [
        {"name": name, "path": str(path), "bytes": path.stat().st_size}
        for name, path in written.items()
    ]

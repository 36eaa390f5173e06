"""Write what the main job computed: CSV and Parquet tables, PNG plots, one HTML briefing.

The HTML file is self-contained (pictures embedded as base64, no scripts, no
external styles), so it can be mailed or opened offline. CSV files are written by
:func:`railtrack.safetext.write_csv`: no cell runs as a formula in a spreadsheet and
no character inside a cell breaks its row.
"""

from __future__ import annotations

import base64
import html
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from railtrack import __version__
from railtrack import columns as C
from railtrack.plot import plot_arrival_timeline, plot_route_map, plot_volumes
from railtrack.safetext import escape_formulas, write_csv

if TYPE_CHECKING:
    from railtrack.pipeline import TrackResult

__all__ = ["escape_formulas", "write_csv", "write_outputs"]

logger = logging.getLogger(__name__)


def _parquet_ready(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object:
            out[col] = out[col].map(lambda v: v if v is None or isinstance(v, str) else str(v))
    return out


def _save(fig: Figure, path: Path) -> Path:
    fig.savefig(path, dpi=110, bbox_inches="tight")
    return path


TIMELINE_ROWS = 60
"""Most shipments the briefing's timeline draws; every shipment is in estimates.csv."""


def timeline_rows(
    estimates: pd.DataFrame, as_of: pd.Timestamp | None, *, limit: int = TIMELINE_ROWS
) -> pd.DataFrame:
    """Return the estimates the briefing's timeline draws: all, or the ``limit`` most current.

    A timeline of thousands of rows is unreadable (and a picture hundreds of
    thousands of pixels tall), so beyond ``limit`` the rows kept are those whose
    median arrival lies nearest ``as_of`` (the latest when there is no as-of date),
    then rows without a window; they are drawn in input order.

    Examples
    --------
    >>> est = pd.DataFrame({"id": ["a", "b", "c"],
    ...                     "p50": pd.to_datetime(["2023-03-01", "2023-03-09", None])})
    >>> timeline_rows(est, pd.Timestamp("2023-03-08"), limit=1)["id"].tolist()
    ['b']
    """
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
        shown = timeline_rows(result.estimates, result.as_of)
        fig = Figure(figsize=(10, max(3.0, 0.45 * len(shown) + 1.5)))
        title = "Arrival windows"
        if len(shown) < len(result.estimates):
            title += (
                f": {len(shown)} of {len(result.estimates):,} shipments, the windows nearest "
                + ("the as-of date" if result.as_of is not None else "the latest")
                + " (all in estimates.csv)"
            )
        plot_arrival_timeline(shown, as_of=result.as_of, ax=fig.add_subplot(), title=title)
        figures["timeline"] = fig
        fig = Figure(figsize=(10, 5))
        plot_volumes(result.reports, by=C.PERIOD, ax=fig.add_subplot())
        figures["volumes"] = fig
    return figures


def _table_html(df: pd.DataFrame, *, max_rows: int = 200) -> str:
    shown = df.head(max_rows)
    text = shown.to_html(index=False, na_rep="", escape=True, border=0, classes="t")
    if len(df) > max_rows:
        text += f"<p class='note'>{len(df) - max_rows} more rows in the CSV file.</p>"
    return text


_ESTIMATE_VIEW = (
    "id",
    "origin",
    "destination",
    "length_km",
    "departure_earliest",
    "p10",
    "p50",
    "p90",
    "claimed_earliest",
    "claimed_latest",
    "flags",
)
_CSS = """
body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#222}
h1{margin-bottom:.2em} h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:1.6em}
table.t{border-collapse:collapse;font-size:.85em;margin:.5em 0}
table.t th,table.t td{border:1px solid #ddd;padding:3px 6px;text-align:left}
table.t th{background:#f3f3f3} .note{color:#555;font-size:.9em}
img{max-width:100%;border:1px solid #eee} .kpi{display:inline-block;margin-right:2em}
.kpi b{font-size:1.6em;display:block}
"""


def _sources_html(result: TrackResult) -> str:
    frames = [result.shipments, result.groups]
    cols = [C.SOURCE, C.RELAYED_BY, C.SOURCE_URL, C.PUBLISHED, C.RELIABILITY]
    present = [f[cols] for f in frames if len(f)]
    if not present:
        return "<p>No sources.</p>"
    sources = pd.concat(present, ignore_index=True)
    sources = sources.drop_duplicates().sort_values([C.SOURCE, C.PUBLISHED], na_position="last")
    items = []
    for row in sources.itertuples(index=False):
        reporter, relay, url, published, grade = (
            html.escape(str(v)) if pd.notna(v) else "" for v in row
        )
        link = f" <a href='{url}'>{url}</a>" if url.startswith(("http://", "https://")) else ""
        via = f", relayed by {relay}" if relay else ""
        when = f", {published[:10]}" if published else ""
        items.append(f"<li><b>{reporter}</b>{via}{when} (reliability {grade or 'F'}){link}</li>")
    return "<ul>" + "".join(items) + "</ul>"


def _png_tag(path: Path, alt: str) -> str:
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    return f"<img alt='{html.escape(alt)}' src='data:image/png;base64,{data}'>"


def _html(result: TrackResult, pictures: dict[str, Path]) -> str:
    head = result.headline()
    kpis = "".join(
        f"<span class='kpi'><b>{html.escape(str(value if value is not None else '-'))}</b>"
        f"{html.escape(label)}</span>"
        for label, value in (
            ("trains reported", head["shipments"]),
            ("cars (counted once)", head["cars_total"]),
            ("passenger cars", head["cars_passenger"]),
            ("people (estimate)", head["personnel_estimate"]),
            ("input problems", head["problems"]),
        )
    )
    estimates = result.estimates[[c for c in _ESTIMATE_VIEW if c in result.estimates.columns]]
    if len(result.statuses) and C.STATUS in result.statuses.columns:
        status = result.statuses[[C.ID, C.STATUS]].astype({C.STATUS: "string"})
        estimates = estimates.merge(status, on=C.ID, how="left")
    problems = result.reports.problems_frame()
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        "<title>railtrack briefing</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>Rail shipments briefing</h1>",
        f"<p class='note'>railtrack {__version__}, written "
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
        + (f"; estimates as of {head['as_of']}" if head["as_of"] else "")
        + "</p>",
        f"<div>{kpis}</div>",
        "<p>Destinations: " + html.escape(", ".join(head["destinations"]) or "none") + "</p>",
        "<h2>Shipments and arrival windows</h2>",
        "<p class='note'>p10-p90 is the model's arrival window; the claimed window is the "
        "source's own.</p>",
        _table_html(estimates),
        _png_tag(pictures["timeline"], "arrival timeline"),
        "<h2>Routes</h2>",
        _png_tag(pictures["route_map"], "route map"),
        _table_html(result.summaries["by_route"]),
        "<h2>Volumes</h2>",
        "<p class='note'>Totals a report gives for several trains are counted once; where "
        "they cannot be split between trains they show as unallocated. "
        + html.escape(" ".join(result.notes))
        + "</p>",
        _table_html(result.summaries["by_railhead"]),
        _table_html(result.summaries["by_week"]),
        _png_tag(pictures["volumes"], "volumes"),
        "<h2>Border crossings</h2>",
        _table_html(result.summaries["by_border_crossing"]),
        "<h2>Problems found in the input</h2>",
        _table_html(problems[["text"]]) if len(problems) else "<p>None.</p>",
        "<h2>Sources</h2>",
        _table_html(result.summaries["by_source"]),
        _sources_html(result),
        "</body></html>",
    ]
    return "\n".join(parts)


def write_outputs(
    result: TrackResult,
    out_dir: str | Path,
    *,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Path]:
    """Write tables, plots and ``report.html`` under ``out_dir``; return name -> path.

    Tables are written as CSV (formula-like cells escaped) and, for shipments and
    estimates, also as Parquet.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}

    def step(name: str) -> None:
        if progress is not None:
            progress(name)

    step("tables")
    tables: dict[str, pd.DataFrame] = {
        "shipments": result.shipments,
        "groups": result.groups,
        "sightings": result.sightings,
        "routes": result.routes,
        "estimates": result.estimates,
        "status": result.statuses,
        "problems": result.reports.problems_frame(),
        **{f"summary_{name}": df for name, df in result.summaries.items()},
    }
    for name, df in tables.items():
        written[f"{name}.csv"] = write_csv(df, out / f"{name}.csv")
    for name in ("shipments", "estimates"):
        path = out / f"{name}.parquet"
        _parquet_ready(tables[name]).to_parquet(path, index=False)
        written[f"{name}.parquet"] = path
    step("plots")
    pictures = {name: _save(fig, out / f"{name}.png") for name, fig in _figures(result).items()}
    written.update({f"{name}.png": path for name, path in pictures.items()})
    step("report")
    report = out / "report.html"
    report.write_text(_html(result, pictures), encoding="utf-8")
    written["report.html"] = report
    logger.info("Wrote %d files to %s", len(written), out)
    return written


def describe(written: dict[str, Path]) -> list[dict[str, Any]]:
    """Return the written files as JSON-ready dicts (name, path, bytes)."""
    return [
        {"name": name, "path": str(path), "bytes": path.stat().st_size}
        for name, path in written.items()
    ]

"""railtrack: turn rail shipment reports into routed, dated, summarised data.

The public API is imported lazily, so ``import railtrack`` and the command line
start fast; each name lives in the module that owns its job.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS: dict[str, str] = {
    # reports
    "load_reports": "railtrack.io",
    "ReportSet": "railtrack.io",
    "Problem": "railtrack.io",
    "Source": "railtrack.models",
    "DateWindow": "railtrack.models",
    "CarCounts": "railtrack.models",
    "Place": "railtrack.models",
    "Shipment": "railtrack.models",
    "ShipmentGroup": "railtrack.models",
    "Sighting": "railtrack.models",
    "Settings": "railtrack.settings",
    "data_path": "railtrack._data",
    # network, names, routes
    "load_network": "railtrack.network",
    "load_gazetteer": "railtrack.gazetteer",
    "RailNetwork": "railtrack.network",
    "Route": "railtrack.routing",
    # free text
    "extract_shipments": "railtrack.extract",
    # arrival windows, tracking
    "estimate_arrivals": "railtrack.estimate",
    "calibrate": "railtrack.calibration",
    "load_trips": "railtrack.calibration",
    "track_status": "railtrack.tracking",
    # summaries and plots
    "summarize": "railtrack.summary",
    "summarize_views": "railtrack.summary",
    "route_graph": "railtrack.routegraph",
    "plot_route_map": "railtrack.plot",
    "plot_arrival_timeline": "railtrack.plot",
    "plot_volumes": "railtrack.plot",
}

__all__ = ["__version__", *sorted(_EXPORTS)]


def __getattr__(name: str) -> Any:
    """Import a public name from its module on first use."""
    module = _EXPORTS.get(name)
    if module is None:
        msg = f"module 'railtrack' has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)

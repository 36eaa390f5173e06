"""One rule for trains that cannot be routed, in every command that routes trains.

``track``, ``estimate``, ``status``, ``summary`` and ``plot`` all route the trains
they read, through :func:`route_reports`, and all treat a train that cannot be
routed the same way (the rule ``track`` set, :mod:`railtrack.accounting`):

- it is a problem, listed with the input problems (on stderr; as a ``problem``
  record with ``--json``), naming the train and the reason (``no origin``,
  ``unresolved origin``, ``no destination``, ``unresolved destination``,
  ``no path``);
- the command's summary record counts it: ``n_routed``, ``n_unrouted`` and
  ``unrouted_reasons`` (reason -> trains) in ``run``, ``plot`` and ``volumes``;
  each ``estimate`` and ``status`` record says ``unrouted_reason`` (null when
  routed);
- it makes the exit code 1, like any input problem, after everything is printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from railtrack.io.reportset import Problem, ReportSet
    from railtrack.knowledge import Knowledge
    from railtrack.network import RailNetwork

__all__ = ["NOT_ROUTED", "RoutedReports", "route_reports"]

NOT_ROUTED: dict[str, Any] = {"n_routed": None, "n_unrouted": None, "unrouted_reasons": {}}
"""The routing counts of a command that did not route (``summary --no-resolve``)."""


@dataclass(frozen=True)
class RoutedReports:
    """Reports as known at the as-of date, resolved and routed, with each train's outcome.

    Attributes
    ----------
    reports
        The reports kept by the as-of cut-off, resolved on the network.
    knowledge
        What the cut-off left out (None when no cut-off was made).
    as_of
        The date of knowledge used (the given one, else the latest in the input).
    shipments
        ``reports.to_frame()``: one row per train (relays of one train by several
        reports kept once, :func:`railtrack.relays.relay_links`).
    routes
        :func:`railtrack.routes.shipment_routes` of ``shipments``: one row per train.
    outcomes
        :func:`railtrack.accounting.route_outcomes`: ``routed`` or the reason not.
    relays
        The shipments left out as relays of a kept train (``train``), one row each.
    network_problems
        The rows of the network directory that could not be read (``net.problems``):
        input problems like the reports', listed first.
    """

    reports: ReportSet
    knowledge: Knowledge | None
    as_of: Any
    shipments: pd.DataFrame
    routes: pd.DataFrame
    outcomes: pd.DataFrame
    relays: pd.DataFrame
    network_problems: tuple[Problem, ...] = ()

    @property
    def unrouted(self) -> dict[str, str]:
        """Each unrouted train's id -> the reason it was not routed (``no origin`` ...)."""
        from railtrack.accounting import OUTCOME, ROUTED

        rows = self.outcomes[self.outcomes[OUTCOME] != ROUTED]
        return dict(zip(rows["id"].astype(str), rows[OUTCOME].astype(str), strict=True))

    @property
    def problems(self) -> list[Problem]:
        """The network's problems, the reports', then one per train that was not routed."""
        from railtrack.accounting import unrouted_problems

        return [
            *self.network_problems,
            *self.reports.problems,
            *unrouted_problems(self.outcomes, self.shipments),
        ]

    def counts(self) -> dict[str, Any]:
        """Return ``n_routed``, ``n_unrouted`` and ``unrouted_reasons`` (reason -> trains).

        The same figures as ``track``'s ``run`` record
        (:meth:`railtrack.pipeline.TrackResult.headline`).
        """
        unrouted = self.unrouted
        reasons: dict[str, int] = {}
        for reason in sorted(unrouted.values()):
            reasons[reason] = reasons.get(reason, 0) + 1
        return {
            "n_routed": len(self.outcomes) - len(unrouted),
            "n_unrouted": len(unrouted),
            "unrouted_reasons": reasons,
        }

    def note(self) -> str | None:
        """Return one line saying how many trains were not routed and why, or None."""
        counts = self.counts()
        if not counts["n_unrouted"]:
            return None
        why = ", ".join(f"{n} {reason}" for reason, n in counts["unrouted_reasons"].items())
        return (
            f"{counts['n_unrouted']} of {len(self.outcomes)} trains not routed ({why}); "
            "each is listed with the problems"
        )


def route_reports(
    reports: ReportSet, network: RailNetwork, *, as_of: Any = None, cut: bool = True
) -> RoutedReports:
    """Cut ``reports`` off at ``as_of``, resolve, route and account for every train.

    Parameters
    ----------
    reports
        Loaded reports.
    network
        The network to resolve names and route on.
    as_of
        The date of knowledge (a date, ``"today"`` or None: the latest in the input),
        as for :func:`railtrack.knowledge.cut_off`.
    cut
        False keeps every report (``summary`` and ``plot volumes`` take no ``--as-of``).

    Returns
    -------
    RoutedReports
        The same resolving and routing steps :func:`railtrack.pipeline.track` takes.

    Raises
    ------
    railtrack.errors.RailtrackError
        If ``as_of`` is not a date.

    Examples
    --------
    >>> from railtrack import data_path, load_network, load_reports
    >>> seed = load_reports(data_path("reports", "seed-hajun-2023-03.yaml"))
    >>> route_reports(seed, load_network(), as_of="2023-03-05").counts()
    {'n_routed': 2, 'n_unrouted': 0, 'unrouted_reasons': {}}
    """
    from railtrack.accounting import route_outcomes
    from railtrack.routes import shipment_routes

    knowledge = None
    if cut:
        from railtrack.estimate import known_on

        reports, knowledge, as_of = known_on(reports, as_of)
    from railtrack.onward import way_test
    from railtrack.relays import drop_relays, relay_links, without_relays

    resolved = reports.resolve(network)
    shipments = resolved.to_frame()
    relays = relay_links(
        shipments,
        sightings=resolved.sightings_frame(),
        region_stations=network.gazetteer.region_stations,
        on_the_way=way_test(network),
    )
    shipments, _ = without_relays(shipments, shipments.iloc[:0], relays)
    routes = shipment_routes(shipments, network)
    return RoutedReports(
        reports=drop_relays(resolved, relays),
        relays=relays,
        knowledge=knowledge,
        as_of=as_of,
        shipments=shipments,
        routes=routes,
        outcomes=route_outcomes(shipments, routes),
        network_problems=tuple(network.problems),
    )

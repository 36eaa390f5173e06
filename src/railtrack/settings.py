"""Every tunable default in one frozen place, each with its source.

Pass a :class:`Settings` explicitly (``settings: Settings | None = None``); there is
no mutable module state. Figures and their sources are those of
``data/calibration/README.md`` and ``data/network/README.md``; the numbered sources
refer to the project's domain fact sheet.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["DEFAULT_SETTINGS", "Settings"]


class Settings(BaseModel):
    """Defaults for name resolution, routing, arrival estimates and summaries."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    # --- network -----------------------------------------------------------------
    circuity_factor: float = Field(
        1.25,
        gt=1.0,
        description=(
            "Rail length over straight-line distance, used where a link has no published "
            "length. Rail detour indexes of 1.2-1.3 are typical for mainline networks "
            "(see data/network/README.md)."
        ),
    )

    # --- gazetteer ---------------------------------------------------------------
    resolve_min_score: float = Field(
        85.0, ge=0, le=100, description="Score (0-100) below which a name stays unresolved."
    )
    resolve_min_margin: float = Field(
        4.0,
        ge=0,
        le=100,
        description="Lead the best candidate needs over a different station to be accepted.",
    )

    # --- summaries ---------------------------------------------------------------
    people_per_passenger_car: float = Field(
        50.0,
        gt=0,
        description=(
            "Personnel per passenger car, as reports themselves reckon it: 5 cars ~ 250 "
            "people (Charter97, 26 Feb 2023), 8 ~ 400 (RBC-Ukraine, Jan 2023), 2 ~ 100 "
            "(Korrespondent.net, 9 Jan 2023)."
        ),
    )


DEFAULT_SETTINGS = Settings()
"""The settings used when a function is given none."""

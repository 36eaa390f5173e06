"""Shared helpers of the extraction kind tests: read a text offline, list its ends."""

from __future__ import annotations

from datetime import date

from railtrack.extract import extract_shipments
from railtrack.extract.result import Extraction

PUB = date(2023, 3, 10)
"""The publication day the kind tests read their texts on."""


def read(text: str, published: date | None = PUB, lang: str | None = None) -> Extraction:
    """Extract ``text`` without a network (names kept as written)."""
    return extract_shipments(text, published=published, network=False, lang=lang)


def ends(result: Extraction) -> list[tuple[str | None, str | None]]:
    """Return each shipment's (origin, destination) as written, None where not given."""
    return [
        (
            s.origin.text if s.origin else None,
            s.destination.text if s.destination else None,
        )
        for s in result.shipments
    ]

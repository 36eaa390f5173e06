"""An id reused in one file for a different train: both records are kept.

A JSON list or a sheet with an id column may give one id to two trains
(``{"id": "a1", "date": "2023-04-13", "to": "Baranovichi"}`` then ``{"id": "a1",
"date": "2023-04-14", "to": "Brest"}``): a copy-paste of the previous record, edited
but not renumbered. Skipping the second record loses a train (trial13 S5). A record
equal to the first (a row pasted twice) is the same record and stays a duplicate,
skipped by the caller; a record with other content is another train, kept under the
id ``{id}~{n}`` with a problem naming both records and what differs.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from railtrack.io import _FileLoader

__all__ = ["differing_fields", "reused_id"]

_NOT_CONTENT = frozenset({"id", "evidence", "report"})

_WHICH_TRAIN = frozenset(
    {
        "origin",
        "destination",
        "via",
        "departure",
        "expected_arrival",
        "seen_at",
        "station",
        "shipment",
        "members",
    }
)
"""Fields that tell which train a record is: a reused id with one of them told otherwise
is another train; with only counts or notes told otherwise, the same train told twice."""


def differing_fields(first: Any, again: Any) -> list[str]:
    """Return the fields two records of one kind tell differently.

    The id, the evidence and the report id say where a record was read, not which
    train it tells: they are left out.

    Parameters
    ----------
    first, again : pydantic model
        Two records of one kind (:class:`~railtrack.models.Shipment`, ...).

    Returns
    -------
    list of str
        Field names, in the model's order.

    Examples
    --------
    >>> from railtrack.models import Place, Shipment, Source
    >>> a = Shipment(id="a1", destination=Place(text="Brest"), source=Source(reporter="H"))
    >>> b = a.model_copy(update={"destination": Place(text="Baranovichi")})
    >>> differing_fields(a, b)
    ['destination']
    """
    one, two = first.model_dump(), again.model_dump()
    return [k for k in one if k not in _NOT_CONTENT and one[k] != two.get(k)]


def reused_id(
    loader: _FileLoader,
    model: Any,
    row: int,
    first_rows: Mapping[tuple[str, str], int],
    firsts: Mapping[tuple[str, str], Any],
    files: Mapping[tuple[str, str], str],
) -> Any:
    """Return ``model``, renamed ``{id}~{n}`` when its id was given in its file to another train.

    Parameters
    ----------
    loader
        The file's loader (its name; a problem is added to it on a rename).
    model
        A record whose (kind, id) is already loaded.
    row
        The record's row (0 when unknown).
    first_rows, firsts, files
        The row, record and file of each (kind, id) already loaded.

    Returns
    -------
    model
        ``model`` unchanged when the id came from another file (that is
        :func:`railtrack.io._ids.renamed_ids`' job) or the record tells the first's
        train again (the same ends, days and places; a duplicate); else a copy under a
        new id.
    """
    kind = type(model).__name__
    key = (kind, model.id)
    first = firsts.get(key)
    if files.get(key) != loader.name or first is None or first == model:
        return model
    differ = differing_fields(first, model)
    if not _WHICH_TRAIN.intersection(differ):
        # the same ends and days told again with other counts or notes: the same train
        # told twice (a correction or a copy), left to the duplicate check
        return model
    n = 2
    while (kind, f"{model.id}~{n}") in first_rows:
        n += 1
    new = f"{model.id}~{n}"
    unit = "row" if row else "record"
    first_row = first_rows[key]
    there = f"{unit} {first_row}" if first_row else "an earlier record"
    loader.problem(
        f"{kind.lower()} id {model.id!r} is also the id of {there} of "
        f"{Path(loader.name).name}, a different train ({', '.join(differ)} differ): "
        f"both are kept, this one as {new!r}; give each train its own id",
        row=row or None,
        field="id",
    )
    return model.model_copy(update={"id": new})

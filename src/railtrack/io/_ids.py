"""Records of different files that carry the same id: both are kept, one renamed.

An id is unique within a file, not across files: two folders of daily reports
(``hajun/2023-03-14.txt``, ``zerkalo/2023-03-14.txt``) give the same generated ids,
and two spreadsheets that number their rows (``№``, ``Nr``) both start at ``1``.
Such records are different records. The later file's colliding ids get a stable
suffix ``@TAG``: the file's folder name when the two files share a name, else the
later file's stem (``1@moj-rejestr``, ``2023-03-14-t1@zerkalo``); references inside
that file (a sighting's shipment, a train's group or ``return_of``) follow the rename.
A record equal to the one loaded first (a copy of a file) is the same record: it
stays a duplicate, skipped with a problem.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

__all__ = ["file_label", "renamed_ids", "with_ids"]


def file_label(name: str) -> str:
    """Return a file's name with its folder, e.g. ``zerkalo/2023-03-14.txt``.

    Examples
    --------
    >>> file_label("/data/dup/zerkalo/2023-03-14.txt")
    'zerkalo/2023-03-14.txt'
    >>> file_label("report.txt")
    'report.txt'
    """
    path = Path(name)
    return f"{path.parent.name}/{path.name}" if path.parent.name else path.name


def _tag(name: str, first: str) -> str:
    path, earlier = Path(name), Path(first)
    if path.name == earlier.name and path.parent.name:
        return path.parent.name
    return path.stem or path.name


def renamed_ids(
    models: list[tuple[Any, int]],
    name: str,
    loaded: Mapping[tuple[str, str], int],
    files: Mapping[tuple[str, str], str],
    firsts: Mapping[tuple[str, str], Any] | None = None,
) -> dict[tuple[str, str], tuple[str, str]]:
    """Choose new ids for a file's records whose ids another file already holds.

    Parameters
    ----------
    models
        The file's records with their rows, in order.
    name
        The file's (display) path.
    loaded
        Each (kind, id) already loaded.
    files
        The file each loaded (kind, id) came from, when known.
    firsts
        The record loaded under each (kind, id), when known: a record equal to it
        (a copy of the file, a report loaded twice) is the same record, not renamed.

    Returns
    -------
    dict
        ``(kind, old id) -> (new id, the other file)`` for each colliding id; empty
        when nothing collides. A record whose id the same file held first is left
        out: that is a duplicate within one file, a problem for the caller.

    Examples
    --------
    >>> renamed_ids([], "b/x.txt", {}, {})
    {}
    """
    renames: dict[tuple[str, str], tuple[str, str]] = {}
    own = {(type(m).__name__, m.id) for m, _ in models}
    for model, _row in models:
        key = (type(model).__name__, model.id)
        if key not in loaded or key in renames:
            continue
        first = files.get(key, "?")
        if first == name or (firsts is not None and firsts.get(key) == model):
            continue
        base = f"{model.id}@{_tag(name, first)}"
        new, n = base, 1
        while (key[0], new) in loaded or (key[0], new) in own:
            n += 1
            new = f"{base}~{n}"
        renames[key] = (new, first)
    return renames


def with_ids(model: Any, renames: dict[tuple[str, str], tuple[str, str]]) -> Any:
    """Return ``model`` with its id and its references to renamed ids replaced."""
    update: dict[str, str] = {}
    kind = type(model).__name__
    if (kind, model.id) in renames:
        update["id"] = renames[kind, model.id][0]
    for field, target in (
        ("shipment", "Shipment"),
        ("return_of", "Shipment"),
        ("group", "ShipmentGroup"),
    ):
        value = getattr(model, field, None)
        if isinstance(value, str) and (target, value) in renames:
            update[field] = renames[target, value][0]
    return model.model_copy(update=update) if update else model

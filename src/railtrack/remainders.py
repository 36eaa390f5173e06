"""Group remainders: a total a report gives for several trains, counted once.

A report often gives one total for several trains ("in both trains, there are a
total of 86 cars, with only two passenger cars"). Such a group's cars minus the
counts its member trains already carry are its *remainder*. The rule, in full:

- The members are the trains whose ``group`` is the group, plus those its ``members``
  lists. Per car column, the remainder is the group's count minus the members' own
  counts of that column (never below zero: more is a problem, reported).
- The trains that may hold the remainder (its *holders*) are the members without a
  total of their own, else all members; a group that names more trains
  (``n_trains``) than it lists has that many *unlisted* trains, which hold cars too
  and count as trains themselves.
- A group with nothing left and no unlisted trains has no remainder.

:func:`railtrack.summary.summarize` puts a remainder in the row its holders share, or
in a row "unallocated across N trains" when they fall in different rows;
:func:`railtrack.routegraph.corridor_graph` counts it on the segments every holder
passed.

Examples
--------
>>> import pandas as pd
>>> ships = pd.DataFrame({"id": ["t1", "t2"], "group": ["g1", "g1"], "cars_total": [None, 30]})
>>> groups = pd.DataFrame({"id": ["g1"], "n_trains": [2], "cars_total": [86]})
>>> rest = group_remainders(ships, groups)
>>> rest[["group", "cars_total", "holders", "n_across"]].to_dict("records")
[{'group': 'g1', 'cars_total': 56, 'holders': (0,), 'n_across': 1}]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from railtrack import columns as C

if TYPE_CHECKING:
    from railtrack.io.reportset import Problem

__all__ = [
    "REMAINDER_COLUMNS",
    "count_or_none",
    "group_count_problems",
    "group_remainders",
    "unallocated_label",
]

HOLDERS, UNLISTED, N_ACROSS = C.HOLDERS, C.UNLISTED, C.N_ACROSS
REMAINDER_COLUMNS = C.REMAINDER_COLUMNS
"""Columns of :func:`group_remainders` (:data:`railtrack.columns.REMAINDER_COLUMNS`): the
group id, its remainder per car column (nullable integers; missing when the group gives
no such count), ``holders`` (the positions in the shipments table of the trains that may
hold it, a tuple), ``unlisted`` and ``n_across`` (holders plus unlisted trains), the
group's flags, source, grade and published date, and ``unallocated`` (a note such as
"86 cars (2 passenger) of group g1 across 2 trains")."""


def unallocated_label(n_trains: int) -> str:
    """Return the key label of cars that cannot be split between ``n_trains`` trains.

    Parameters
    ----------
    n_trains : int
        How many trains the cars are shared by.

    Returns
    -------
    str
        ``"unallocated across N train(s)"``.

    Examples
    --------
    >>> unallocated_label(2)
    'unallocated across 2 trains'
    >>> unallocated_label(1)
    'unallocated across 1 train'
    """
    return f"unallocated across {n_trains} train{'' if n_trains == 1 else 's'}"


def count_or_none(value: Any) -> int | None:
    """Return a count cell as an int; None when it is missing or not a number.

    Parameters
    ----------
    value : object
        A cell: int, float, numeric string, None, NA or NaN.

    Returns
    -------
    int or None
        The number truncated to an int (``40.7`` gives 40); None when missing or not a number.

    Examples
    --------
    >>> count_or_none(40.0), count_or_none("12"), count_or_none(pd.NA), count_or_none("x")
    (40, 12, None, None)
    """
    if value is None or value is pd.NA:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if np.isnan(number) else int(number)


def _flag(value: Any) -> bool:
    return bool(value) if value is not None and value is not pd.NA and value == value else False


def _split(value: Any) -> list[str]:
    if isinstance(value, str):
        return [part.strip() for part in value.split(";") if part.strip()]
    return []


def _members(shipments: pd.DataFrame, groups: pd.DataFrame) -> pd.DataFrame:
    """Return (group, position) per member train.

    The trains naming the group come first, in table order, then the ones the group
    lists that do not.
    """
    parts = []
    if C.GROUP in shipments.columns:
        named = shipments[C.GROUP].notna().to_numpy()
        parts.append(
            pd.DataFrame(
                {
                    C.GROUP: shipments[C.GROUP][named].astype(str).str.strip().to_numpy(),
                    "position": np.flatnonzero(named),
                }
            )
        )
    if C.MEMBERS in groups.columns and len(groups):
        position = pd.Series(np.arange(len(shipments)), index=shipments[C.ID].astype(str))
        position = position[~position.index.duplicated()]
        listed = pd.DataFrame(
            {C.GROUP: groups[C.ID].astype(str), "member": groups[C.MEMBERS].map(_split)}
        ).explode("member")
        listed = listed[listed["member"].isin(position.index)]
        parts.append(
            pd.DataFrame(
                {
                    C.GROUP: listed[C.GROUP].to_numpy(),
                    "position": position[listed["member"]].to_numpy(),
                }
            )
        )
    if not parts:
        return pd.DataFrame({C.GROUP: [], "position": []})
    return pd.concat(parts, ignore_index=True).drop_duplicates()


def _note(
    gid: str,
    total: int | None,
    passenger: int | None,
    n_across: int,
    unlisted: int,
    *,
    at_least: bool = False,
) -> str:
    """Return the note of a group's cars not allocated to one train.

    Examples
    --------
    >>> _note("g1", 86, 2, 2, 0)
    '86 cars (2 passenger) of group g1 across 2 trains'
    >>> _note("g1", 80, None, 2, 1, at_least=True)
    'at least 80 cars of group g1 across 2 trains (1 not listed)'
    """
    parts = f" ({passenger} passenger)" if passenger else ""
    least = "at least " if at_least and total else ""
    note = (
        f"{least}{total or 0} cars{parts} of group {gid} across {n_across} "
        f"train{'' if n_across == 1 else 's'}"
    )
    return note + (f" ({unlisted} not listed)" if unlisted else "")


def positions_by_group(members: pd.DataFrame) -> dict[Any, tuple[int, ...]]:
    """Return each group's member positions, in row order (one pass, no pandas groupby).

    Parameters
    ----------
    members
        ``group`` and ``position`` per member train (see :func:`_members`).

    Returns
    -------
    dict
        Group id -> positions as a tuple, groups in order of first appearance; what
        ``members.groupby("group", sort=False)["position"].agg(tuple).to_dict()``
        gives, without a Python call per group inside pandas.

    Examples
    --------
    >>> positions_by_group(pd.DataFrame({"group": ["g2", "g1", "g2"], "position": [4, 0, 7]}))
    {'g2': (4, 7), 'g1': (0,)}
    """
    found: dict[Any, list[int]] = {}
    for gid, position in zip(members[C.GROUP].tolist(), members["position"].tolist(), strict=True):
        found.setdefault(gid, []).append(position)
    return {gid: tuple(positions) for gid, positions in found.items()}


def group_remainders(
    shipments: pd.DataFrame, groups: pd.DataFrame, *, problems: list[str] | None = None
) -> pd.DataFrame:
    """Return each group's cars not carried by its member trains (see the module notes).

    Parameters
    ----------
    shipments
        The shipments table (``id``, ``group`` and the car columns are read).
    groups
        The groups table (``ReportSet.groups_frame()``).
    problems
        Where a group whose trains carry more than it gives is reported (appended).

    Returns
    -------
    pandas.DataFrame
        One row per group with a remainder, columns :data:`REMAINDER_COLUMNS`;
        ``df.attrs["problems"]`` holds the problems met, so that one table can serve
        both the summaries and the corridor graph.

    Examples
    --------
    >>> ships = pd.DataFrame({"id": ["a-t1", "a-t2"], "group": ["a-g1", "a-g1"],
    ...                       "cars_total": [40, None]})
    >>> groups = pd.DataFrame({"id": ["a-g1"], "n_trains": [2], "cars_total": [86]})
    >>> group_remainders(ships, groups)["cars_total"].tolist()
    [46]
    """
    ships = shipments.reset_index(drop=True)
    cars = pd.DataFrame(
        {
            col: pd.to_numeric(ships[col], errors="coerce").astype("float64")
            if col in ships.columns
            else np.full(len(ships), np.nan)
            for col in C.CAR_COLUMNS
        }
    )
    members = _members(ships, groups) if len(groups) else _members(ships.iloc[:0], groups)
    at_of = positions_by_group(members)
    member_cars = cars.iloc[members["position"].to_numpy(dtype=np.intp)]
    known_of = member_cars.groupby(members[C.GROUP].to_numpy(), sort=False).sum().to_dict("index")
    no_total = members[
        cars[C.CARS_TOTAL].isna().to_numpy()[members["position"].to_numpy(dtype=np.intp)]
    ]
    holders_of = positions_by_group(no_total)
    rows = []
    met: list[str] = []
    over: list[tuple[str, str, int, int]] = []  # (group, column, its trains', its own)
    read = [C.ID, C.N_TRAINS, *C.CAR_COLUMNS, C.CARS_TOTAL_DERIVED, C.CARS_ESTIMATED]
    read += [C.CARS_AT_LEAST]
    read += [C.SOURCE, C.RELIABILITY, C.PUBLISHED]  # only these: no dict of every column
    for grp in groups[[c for c in read if c in groups.columns]].to_dict("records"):
        gid = str(grp[C.ID])
        at = tuple(int(p) for p in at_of.get(gid, ()))
        unlisted = max(count_or_none(grp.get(C.N_TRAINS)) or 0, len(at)) - len(at)
        own = known_of.get(gid, {})
        remainder: dict[str, int | None] = {}
        for col in C.CAR_COLUMNS:
            total = count_or_none(grp.get(col))
            known = int(own.get(col, 0.0))
            if total is not None and known > total:
                over.append((gid, col, known, total))
                met.append(
                    f"group {gid}: its trains carry {known} {col}, more than the group's "
                    f"{total}; nothing left to allocate"
                )
            remainder[col] = None if total is None else total - min(known, total)
        if not any(remainder.values()) and unlisted == 0:
            continue
        holders = tuple(int(p) for p in holders_of.get(gid, ())) or at
        n_across = len(holders) + unlisted
        rows.append(
            {
                C.GROUP: gid,
                **remainder,
                HOLDERS: holders,
                UNLISTED: unlisted,
                N_ACROSS: n_across,
                C.CARS_TOTAL_DERIVED: _flag(grp.get(C.CARS_TOTAL_DERIVED)),
                C.CARS_ESTIMATED: _flag(grp.get(C.CARS_ESTIMATED)),
                C.CARS_AT_LEAST: _flag(grp.get(C.CARS_AT_LEAST)),
                C.SOURCE: grp.get(C.SOURCE),
                C.RELIABILITY: grp.get(C.RELIABILITY),
                C.PUBLISHED: grp.get(C.PUBLISHED),
                C.UNALLOCATED: _note(
                    gid,
                    remainder[C.CARS_TOTAL],
                    remainder[C.CARS_PASSENGER],
                    n_across,
                    unlisted,
                    at_least=_flag(grp.get(C.CARS_AT_LEAST)),
                ),
            }
        )
    df = pd.DataFrame(rows, columns=list(REMAINDER_COLUMNS))
    for col in C.CAR_COLUMNS:
        df[col] = pd.array(
            df[col].astype(object).where(df[col].notna(), None).tolist(), dtype="Int64"
        )
    for col in (UNLISTED, N_ACROSS):
        df[col] = df[col].astype("int64")
    if problems is not None:
        problems.extend(met)
    df.attrs["problems"] = met
    df.attrs["over"] = over
    return df


def group_count_problems(
    shipments: pd.DataFrame, groups: pd.DataFrame, remainders: pd.DataFrame | None = None
) -> list[Problem]:
    """Return one problem per group count its own trains exceed, naming file and report.

    A group that gives 40 cars for trains that carry 73 between them was read wrong, or
    its total covers fewer trains than it lists: the total is not allocated (see
    :func:`group_remainders`), and the analyst is told where to look, as for any other
    bad record (``problems.csv``), not by a log line.

    Parameters
    ----------
    shipments, groups
        As for :func:`group_remainders`; ``source_file`` and ``report`` of the groups
        name where each group was read, when present.
    remainders
        :func:`group_remainders` of the same tables when the caller has it (the
        pipeline's summarise stage); worked out here otherwise.

    Returns
    -------
    list of Problem
        ``unit`` "group", ``field`` the car column, in the groups' order.

    Examples
    --------
    >>> ships = pd.DataFrame({"id": ["t1"], "group": ["g1"], "cars_total": [73]})
    >>> groups = pd.DataFrame({"id": ["g1"], "n_trains": [2], "cars_total": [40],
    ...                        "report": ["s04"], "source_file": ["texts/s04.txt"]})
    >>> problem = group_count_problems(ships, groups)[0]
    >>> problem.path, problem.unit, problem.field
    ('texts/s04.txt', 'group', 'cars_total')
    >>> problem.message[:69]
    "group 'g1' of report 's04': its trains carry 73 cars_total, more than"
    """
    from railtrack.io.reportset import Problem

    if not len(groups):
        return []
    if remainders is None:
        remainders = group_remainders(shipments, groups)
    over = remainders.attrs.get("over", [])
    if not over:
        return []
    ids = groups[C.ID].astype(str).tolist()
    files = _column(groups, C.SOURCE_FILE, ids)
    reports = _column(groups, C.REPORT, ids)
    problems = []
    for gid, col, known, total in over:
        report = reports.get(gid)
        of = f" of report {report!r}" if report else ""
        problems.append(
            Problem(
                path=files.get(gid) or "(reports)",
                row=None,
                field=col,
                message=(
                    f"group {gid!r}{of}: its trains carry {known} {col}, more than the "
                    f"group's total of {total}; the total is not allocated (one of the "
                    "counts was misread, or the total covers fewer trains than the group)"
                ),
                unit="group",
            )
        )
    return problems


def _column(table: pd.DataFrame, column: str, ids: list[str]) -> dict[str, str]:
    """Return a text column by id, its missing cells left out."""
    if column not in table.columns:
        return {}
    return {
        gid: str(value)
        for gid, value in zip(ids, table[column].tolist(), strict=True)
        if value is not None and not (isinstance(value, float) and np.isnan(value))
    }
